/** A Chair overrides one row of the delegation matrix (or puts it back to the charter's), audited. */
import { appendAudit } from "../kernel/index.ts";
import type { Clock } from "../platform/clock.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import type { ContentKind } from "./content-kinds.ts";
import { findOverride, listGroupNames, upsertOverride } from "./marketing.repo.ts";
import type { MatrixStep } from "./matrix.ts";

/** Sets the row's steps: another member and/or the Board, partner groups and a final-checking group, by slug. */
export async function overrideMatrixRow(input: {
  db: Db;
  clock: Clock;
  kind: ContentKind;
  reset: boolean;
  member: boolean;
  board: boolean;
  partners: readonly string[];
  finalCheck: string | null;
  reason: string;
  by: { userId: number; name: string };
}): Promise<{ steps: MatrixStep[] | null }> {
  const now = input.clock.now();
  const groups = await listGroupNames(input.db);
  const nameOf = (slug: string, field: string) => {
    const g = groups.find((x) => x.slug === slug);
    if (!g)
      throw new AppError("validation", {
        message: `Invalid override: ${field}: no group ${slug}`,
        issues: [{ field, message: `no group ${slug}` }],
      });
    return g.name;
  };
  const steps: MatrixStep[] = [
    ...(input.member ? [{ step: "member" as const, group: null }] : []),
    ...input.partners.map((p) => ({ step: "partner" as const, group: nameOf(p, "partners") })),
    ...(input.finalCheck
      ? [{ step: "final-check" as const, group: nameOf(input.finalCheck, "finalCheck") }]
      : []),
    ...(input.board ? [{ step: "board" as const, group: null }] : []),
  ];
  if (!input.reset && steps.length === 0) {
    throw new AppError("validation", {
      message: "Invalid override: member: choose at least one approval",
      issues: [{ field: "member", message: "choose at least one approval" }],
    });
  }
  return input.db.transaction(async (tx) => {
    const before = await findOverride(tx, input.kind);
    const row = {
      steps,
      reason: input.reason,
      byUserId: input.by.userId,
      byName: input.by.name,
      at: now,
      active: !input.reset,
    };
    await upsertOverride(tx, input.kind, row);
    await appendAudit(tx, {
      by: { userId: input.by.userId, label: `user:${input.by.userId} (${input.by.name})` },
      at: now,
      action: "marketing.matrix-override",
      subjectType: "marketing-matrix-row",
      subjectId: input.kind,
      before: before?.active
        ? { steps: before.steps, reason: before.reason }
        : { steps: "as the charter says" },
      after: input.reset ? { steps: "as the charter says" } : { steps },
      cause: input.reason,
    });
    return { steps: input.reset ? null : steps };
  });
}
