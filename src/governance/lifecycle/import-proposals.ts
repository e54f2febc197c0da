/**
 * Imports the proposals of a charter repository checkout (`proposals/*.md`, read without leaving
 * the checkout) as Guildhall proposals: each file with no live proposal of its slug becomes a
 * draft with the file as revision 1, linked to the group row a charter import made for it.
 */
import type { DecisionCall } from "../decisions/deps.ts";
import { parseCharterFile } from "../registry/parse-charter-file.ts";
import { readCharterCheckout } from "../registry/read-checkout.ts";
import { findGroupRowBySlug, insertDraftProposal, liveProposalOfSlug } from "./lifecycle.repo.ts";
import { lifecycleAudit } from "./lifecycle-subjects.ts";

/** What an import did, slug by slug. */
export interface ImportProposalsResult {
  imported: Array<{ id: number; slug: string; name: string }>;
  skipped: Array<{ slug: string; reason: string }>;
}

/** Imports `<dir>/proposals/*.md`. */
export async function importProposals(call: DecisionCall & { dir: string }): Promise<ImportProposalsResult> {
  const { files, refused } = readCharterCheckout(call.dir);
  const proposals = files.filter((f) => f.path.startsWith("proposals/"));
  const now = call.deps.clock.now();
  const result: ImportProposalsResult = {
    imported: [],
    skipped: refused
      .filter((r) => r.path.startsWith("proposals/"))
      .map((r) => ({ slug: r.path, reason: r.reason })),
  };
  await call.deps.database.db.transaction(async (tx) => {
    for (const file of proposals) {
      const charter = parseCharterFile(file);
      const live = await liveProposalOfSlug(tx, charter.slug);
      if (live) {
        result.skipped.push({ slug: charter.slug, reason: `proposal #${live.id} exists (${live.status})` });
        continue;
      }
      const group = await findGroupRowBySlug(tx, charter.slug);
      if (group && group.status !== "proposed") {
        result.skipped.push({ slug: charter.slug, reason: `the group is ${group.status}` });
        continue;
      }
      const row = await insertDraftProposal(tx, {
        proposal: { slug: charter.slug, source: "import", groupId: group?.id ?? null },
        firstRevision: { markdown: file.markdown, charter, note: `Imported from ${file.path}.` },
        now,
      });
      await lifecycleAudit(tx, {
        by: call.actor,
        at: now,
        action: "proposal.imported",
        subjectType: "group_proposal",
        subjectId: row.id,
        after: { slug: charter.slug, path: file.path },
      });
      result.imported.push({ id: row.id, slug: charter.slug, name: charter.name });
    }
  });
  return result;
}
