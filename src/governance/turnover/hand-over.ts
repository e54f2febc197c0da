/**
 * Where governance tells the kernel's owner registry that someone's roles in a group ended: after
 * leaving, removal, a lapsed term, a successor taking over, an administrator ending a period, and
 * a Board term over for a Board Liaison. Each runs in the transaction that ended the role.
 */
import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { type AuditActor, type RoleEndCause, recordRoleEnd } from "../../kernel/index.ts";
import { schema, type Tx } from "../../platform/db/index.ts";
import { registerTurnover } from "./register.ts";

const { rolePeriods, groups, foundationRoles, users } = schema;

/**
 * Hands a person's open items in a group over when no role keeps them there from `endedOn`
 * (a Chair whose member term lapsed stays Chair: nothing is handed over). Returns whether it did.
 */
export async function handOverIfGone(
  tx: Tx,
  input: {
    groupId: number;
    personId: number;
    endedOn: string;
    cause: RoleEndCause;
    reason: string;
    now: Date;
    by: AuditActor;
    /** Roles that do not keep the person there (a Board Liaison off the Board). */
    notCounting?: readonly string[];
  },
): Promise<boolean> {
  registerTurnover();
  const still = await tx
    .select({ role: rolePeriods.role })
    .from(rolePeriods)
    .where(
      and(
        eq(rolePeriods.groupId, input.groupId),
        eq(rolePeriods.personId, input.personId),
        lte(rolePeriods.startedOn, input.endedOn),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, input.endedOn)),
      ),
    );
  if (still.some((r) => !(input.notCounting ?? []).includes(r.role))) return false;
  const [group] = await tx
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.id, input.groupId));
  if (!group) return false;
  await recordRoleEnd(tx, {
    personId: input.personId,
    group,
    endedOn: input.endedOn,
    cause: input.cause,
    reason: input.reason,
    now: input.now,
    by: input.by,
  });
  return true;
}

/**
 * Board Liaisons whose Board term is over on `day` (ended, or its term end passed without a
 * renewal) while their liaison role still runs: their open items in that group are handed over,
 * dated from the Board term's end. Idempotent: the same end is recorded once.
 */
export async function handOverOffBoardLiaisons(
  tx: Tx,
  input: { day: string; now: Date; by: AuditActor; personId?: number },
): Promise<number> {
  const { day } = input;
  const liaisons = await tx
    .select({ groupId: rolePeriods.groupId, personId: rolePeriods.personId })
    .from(rolePeriods)
    .where(
      and(
        eq(rolePeriods.role, "board-liaison"),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
        input.personId === undefined ? undefined : eq(rolePeriods.personId, input.personId),
      ),
    );
  let handed = 0;
  const boardEnds = new Map<number, string | null>();
  for (const l of liaisons) {
    if (!boardEnds.has(l.personId)) boardEnds.set(l.personId, await boardTermOver(tx, l.personId, day));
    const endedOn = boardEnds.get(l.personId);
    if (!endedOn) continue;
    const done = await handOverIfGone(tx, {
      groupId: l.groupId,
      personId: l.personId,
      endedOn,
      cause: "board-term",
      reason: "Board term over (Board Liaison)",
      now: input.now,
      by: input.by,
      notCounting: ["board-liaison"],
    });
    if (done) handed += 1;
  }
  return handed;
}

/** The day a person's Board term ended, when it is over on `day` (null: still on the Board, or never was). */
async function boardTermOver(tx: Tx, personId: number, day: string): Promise<string | null> {
  const rows = await tx
    .select({
      // The Board term ends at the earlier of ended_on and term_ends_on (as the liaison check reads it).
      endsOn: sql<string | null>`least(${foundationRoles.endedOn}, ${foundationRoles.termEndsOn})::text`,
    })
    .from(foundationRoles)
    .leftJoin(users, eq(users.id, foundationRoles.userId))
    .where(
      and(
        eq(foundationRoles.role, "board-member"),
        lte(foundationRoles.startedOn, day),
        or(eq(foundationRoles.personId, personId), eq(users.personId, personId)),
      ),
    );
  if (rows.length === 0) return null;
  const ends = rows.map((r) => r.endsOn);
  if (ends.some((e) => e === null || e > day)) return null;
  return (ends as string[]).sort().at(-1) ?? null;
}
