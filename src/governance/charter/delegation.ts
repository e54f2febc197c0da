/**
 * The delegation a charter states, split the way other groups need it: areas the group handles on
 * its own, areas it handles "in collaboration with" named partner groups, and final checks another
 * group makes before something goes out ("with a final quality check by the website working group").
 * Each entry keeps the line of the charter it was read from. Pure.
 */
import { collapseSpace, displayText, lineOf, plainOfLinked } from "./markdown.ts";
import { sentences } from "./membership-model.ts";
import type { ScopeResult } from "./scope.ts";
import type { Section } from "./sections.ts";
import type { Delegation } from "./types.ts";

const PARTNERS =
  /\b(?:in collaboration with|together with|jointly with|in partnership with)\s+(.+?)\s*[.;]?$/iu;
const FINAL_CHECK =
  /\bfinal (?:quality )?(?:check|review|sign[- ]off)\b[^.]*?\bby (?:the )?(.+?)(?:\s+before\b|[.;,]|$)/iu;

/** Partner names in "in collaboration with the Online Community WG and Social media WG". */
export function partnersOf(text: string): string[] {
  const m = PARTNERS.exec(collapseSpace(text));
  if (!m?.[1]) return [];
  return m[1]
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/u)
    .map((p) => p.replace(/^(?:the|with)\s+/iu, "").trim())
    .filter((p) => p !== "")
    .map((p) => p.replace(/^\p{Ll}/u, (ch) => ch.toUpperCase()));
}

/** Text with "[words](url)" (written out, as an escaped link reads) left as its words. */
function withoutLinkMarkup(text: string): string {
  return collapseSpace(text.replace(/\\/gu, "").replace(/\[([^\]]*)\]\([^)]*\)/gu, "$1"));
}

/** The group named by a final check, capitalised: "website working group" reads "Website working group". */
function checkerOf(raw: string): string {
  return raw.trim().replace(/^\p{Ll}/u, (ch) => ch.toUpperCase());
}

/**
 * Splits the delegated powers the scope reader found: an area under an "autonomously" lead-in is the
 * group's own, one under a "with others" lead-in is collaborative, and under a plain lead-in an area
 * naming partners ("in collaboration with ...") is collaborative. Final checks are read from any
 * paragraph of the charter.
 */
export function readDelegation(
  sections: Section[],
  scope: Pick<ScopeResult, "delegated" | "delegatedSource">,
): Delegation {
  const out: Delegation = { autonomous: [], collaborative: [], finalChecks: [] };
  scope.delegated.forEach((linked, i) => {
    const source = scope.delegatedSource[i] ?? { line: null, label: "either" as const };
    const text = plainOfLinked(linked);
    const partners = partnersOf(text);
    const collaborative =
      source.label === "collaborative" || (source.label === "either" && partners.length > 0);
    (collaborative ? out.collaborative : out.autonomous).push({ text, partners, line: source.line });
  });
  for (const section of sections) {
    for (const node of section.nodes) {
      if (node.type !== "paragraph") continue;
      // The whole paragraph is kept: what the check applies to is often said in the sentence before.
      const paragraph = withoutLinkMarkup(collapseSpace(displayText(node)));
      for (const sentence of sentences(paragraph)) {
        const m = FINAL_CHECK.exec(sentence);
        if (m?.[1]) out.finalChecks.push({ text: paragraph, by: checkerOf(m[1]), line: lineOf(node) });
      }
    }
  }
  return out;
}
