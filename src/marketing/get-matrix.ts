/**
 * The delegation matrix as Guildhall applies it: derived from the stored marketing charter, the
 * Chair's overrides applied, and each partner or checking group the charter names matched to a
 * group of the directory (a name no group has, such as "Django core contributors", is decided by the
 * Steering Council, which speaks for them).
 */
import type { ParsedCharter } from "../governance/index.ts";
import type { Clock } from "../platform/clock.ts";
import type { Db, Tx } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import type { ContentKind, StepKind } from "./content-kinds.ts";
import { findMarketingGroup, listGroupNames, listOverrides } from "./marketing.repo.ts";
import {
  deriveMatrix,
  groupNameKey,
  type MatrixOverride,
  type MatrixRow,
  type MatrixStep,
} from "./matrix.ts";

/** A step with the group that decides it. */
export interface ResolvedStep extends MatrixStep {
  groupId: number | null;
  groupSlug: string | null;
  /** Who decides, in words. */
  who: string;
}

/** A row with its steps resolved. */
export interface ResolvedRow extends Omit<MatrixRow, "steps"> {
  steps: ResolvedStep[];
}

/** The matrix and where it was read. */
export interface Matrix {
  group: { id: number; slug: string; name: string };
  source: { path: string | null; commit: string | null; asOf: Date };
  rows: ResolvedRow[];
}

/** Reads the matrix; a 404 when the marketing group's charter is not imported. */
export async function getMatrix(deps: { db: Db | Tx; clock: Clock }): Promise<Matrix> {
  const group = await findMarketingGroup(deps.db);
  if (!group) {
    throw new AppError("not_found", {
      message: "No Marketing WG charter is imported, so there is no delegation matrix yet.",
    });
  }
  const charter = group.charter as ParsedCharter;
  const overrides = new Map<ContentKind, MatrixOverride>();
  for (const o of await listOverrides(deps.db)) {
    overrides.set(o.kind as ContentKind, {
      steps: o.steps as MatrixStep[],
      reason: o.reason,
      byName: o.byName,
      at: o.at,
    });
  }
  const rows = deriveMatrix({
    delegation: charter.delegation ?? { autonomous: [], collaborative: [], finalChecks: [] },
    path: group.sourcePath,
    overrides,
  });
  const names = await listGroupNames(deps.db);
  const byKey = new Map(names.map((g) => [groupNameKey(g.name), g]));
  const resolve = (s: MatrixStep): ResolvedStep => {
    if (s.step === "member")
      return { ...s, groupId: null, groupSlug: null, who: `another member of the ${group.name}` };
    if (s.step === "board") return { ...s, groupId: null, groupSlug: null, who: "the Board" };
    const found = s.group ? byKey.get(groupNameKey(s.group)) : undefined;
    const label: Record<StepKind, string> = {
      member: "",
      board: "",
      partner: "sign-off by",
      "final-check": "final check by",
    };
    if (found)
      return { ...s, groupId: found.id, groupSlug: found.slug, who: `${label[s.step]} the ${found.name}` };
    return {
      ...s,
      groupId: null,
      groupSlug: null,
      who: `${label[s.step]} ${s.group ?? "?"} (through the Steering Council)`,
    };
  };
  return {
    group: { id: group.id, slug: group.slug, name: group.name },
    source: { path: group.sourcePath, commit: group.sourceCommit, asOf: group.updatedAt },
    rows: rows.map((r) => ({ ...r, steps: r.steps.map(resolve) })),
  };
}
