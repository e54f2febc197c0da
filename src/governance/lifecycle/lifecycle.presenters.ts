/** Lifecycle records as the JSON API gives them: response schemas and the proposal presenter. */
import { z } from "zod";
import { checkCharter } from "../charter/check-charter.ts";
import { changePatch } from "./change-patch.ts";
import type { ChangeRow, ProposalWithText, ShutdownRow } from "./lifecycle.repo.ts";

export const FindingJson = z.object({
  field: z.string(),
  severity: z.enum(["required", "recommended"]),
  message: z.string(),
});
export const ProposalJson = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(["working-group", "team"]),
  status: z.string(),
  source: z.string(),
  revision: z.number().int(),
  groupId: z.number().int().nullable(),
  voteId: z.number().int().nullable(),
  feedback: z.string().nullable(),
  complete: z.boolean(),
  findings: z.array(FindingJson),
  markdown: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ProposalResponse = z.object({ proposal: ProposalJson });
export const FieldJson = z.object({
  field: z.string(),
  label: z.string(),
  class: z.string(),
  before: z.string(),
  after: z.string(),
});
export const ChangeJson = z.object({
  id: z.number().int(),
  group: z.string(),
  status: z.string(),
  class: z.enum(["substantive", "membership", "arrangements", "editorial"]),
  needsBoardVote: z.boolean(),
  summary: z.string(),
  fields: z.array(FieldJson),
  voteId: z.number().int().nullable(),
  path: z.string(),
  markdown: z.string(),
  diff: z.string(),
  createdAt: z.string(),
});
export const ShutdownJson = z.object({
  id: z.number().int(),
  group: z.string(),
  ground: z.string(),
  status: z.string(),
  reason: z.string(),
  voteId: z.number().int().nullable(),
  steps: z.array(z.object({ step: z.string(), outcome: z.string(), note: z.string(), doneAt: z.string() })),
  createdAt: z.string(),
});
export const GroundJson = z.object({
  ground: z.enum(["membership", "defunct"]),
  detail: z.string(),
  rule: z.string(),
});
export const LifecycleJson = z.object({
  group: z.object({ slug: z.string(), name: z.string(), status: z.string() }),
  on: z.string(),
  grounds: z.array(GroundJson),
  changes: z.array(ChangeJson),
  shutdowns: z.array(ShutdownJson),
});
export const ChecklistJson = z.object({ complete: z.boolean(), groupStatus: z.string() });
export const VoteJson = z.object({
  vote: z.object({ id: z.number().int(), kind: z.string(), closesAt: z.string() }),
});

/** A proposal as the API gives it, with its completeness findings. */
export const presentProposal = (p: ProposalWithText): z.infer<typeof ProposalJson> => {
  const findings = checkCharter(p.charter);
  return {
    id: p.id,
    slug: p.slug,
    name: p.charter.name,
    kind: p.charter.kind,
    status: p.status,
    source: p.source,
    revision: p.revision.number,
    groupId: p.groupId,
    voteId: p.voteId,
    feedback: p.feedback,
    complete: !findings.some((f) => f.severity === "required"),
    findings,
    markdown: p.revision.markdown,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
};

/** The path of a group's charter in the repository. */
export const charterPath = (g: { slug: string; sourcePath: string | null; status: string }) =>
  g.sourcePath ?? `${g.status === "archived" ? "archive" : "active"}/${g.slug}.md`;

/** A charter change as the API gives it: its class, fields, and the file and diff a pull request would carry. */
export function presentChange(
  ch: ChangeRow,
  g: { slug: string; sourcePath: string | null; status: string },
): z.infer<typeof ChangeJson> {
  const patch = changePatch({ path: charterPath(g), before: ch.beforeMarkdown, after: ch.afterMarkdown });
  return {
    id: ch.id,
    group: g.slug,
    status: ch.status,
    class: ch.class,
    needsBoardVote: ch.class === "substantive",
    summary: ch.summary,
    fields: ch.fields as z.infer<typeof FieldJson>[],
    voteId: ch.voteId,
    path: patch.path,
    markdown: patch.markdown,
    diff: patch.diff,
    createdAt: ch.createdAt.toISOString(),
  };
}

/** A shutdown as the API gives it, with its archiving checklist's steps. */
export function presentShutdown(
  s: ShutdownRow,
  slug: string,
  steps: ReadonlyArray<{ step: string; outcome: string; note: string; doneAt: Date }>,
): z.infer<typeof ShutdownJson> {
  return {
    id: s.id,
    group: slug,
    ground: s.ground,
    status: s.status,
    reason: s.reason,
    voteId: s.voteId,
    steps: steps.map((r) => ({
      step: r.step,
      outcome: r.outcome,
      note: r.note,
      doneAt: r.doneAt.toISOString(),
    })),
    createdAt: s.createdAt.toISOString(),
  };
}
