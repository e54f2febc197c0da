/** A readable line diff between two revisions of an item (title, fields and body). Pure. */
import { diffLines } from "diff";

/** One run of lines: kept, added or removed. */
export interface DiffPart {
  change: "same" | "added" | "removed";
  lines: string[];
}

/** What a revision's text is, for comparing: its title and fields first, then the body. */
export interface RevisionText {
  title: string;
  fields: Record<string, unknown>;
  body: string;
}

function asText(r: RevisionText): string {
  const fields = Object.entries(r.fields)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`);
  return [`title: ${r.title}`, ...fields, "", r.body.endsWith("\n") ? r.body : `${r.body}\n`].join("\n");
}

/** The changes from `from` to `to`, line by line. */
export function diffRevisions(from: RevisionText, to: RevisionText): DiffPart[] {
  return diffLines(asText(from), asText(to)).map((p) => ({
    change: p.added ? "added" : p.removed ? "removed" : "same",
    lines: p.value.replace(/\n$/u, "").split("\n"),
  }));
}
