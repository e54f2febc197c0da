/**
 * Where the directory's facts come from: the commit of the charter repository the last import
 * read and when it was imported, and how far the last history replay reached. Pure.
 */
import { type Provenance, provenance } from "../../platform/view/provenance.tsx";
import type { ImportRow } from "./directory.repo.ts";

const commitText = (row: ImportRow) =>
  row.commitSha
    ? `commit ${row.commitSha.slice(0, 12)}${row.committedAt ? ` (committed ${row.committedAt.toISOString().slice(0, 10)})` : ""}`
    : null;

/** The provenance of the directory: the latest import and the latest history replay, when they ran. */
export function importProvenance(latest: {
  snapshot: ImportRow | null;
  history: ImportRow | null;
}): Provenance[] {
  const out: Provenance[] = [];
  if (latest.snapshot) {
    const commit = commitText(latest.snapshot);
    out.push(
      provenance(
        commit
          ? `charters of the DSF working-groups repository at ${commit}`
          : "charter files (which commit of the repository they are from is not known)",
        "imported",
        latest.snapshot.finishedAt ?? latest.snapshot.startedAt,
      ),
    );
  }
  if (latest.history) {
    const commit = commitText(latest.history);
    out.push(
      provenance(
        `timelines replayed from the repository's history${commit ? ` up to ${commit}` : ""}`,
        "imported",
        latest.history.finishedAt ?? latest.history.startedAt,
      ),
    );
  }
  return out;
}
