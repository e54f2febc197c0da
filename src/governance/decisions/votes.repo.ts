/**
 * Queries of votes that operations run: listing and closing votes, ballots, and a group's vote
 * settings. Reads shared with other rooms stay in decisions.repo.ts.
 */
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { dayOf } from "../../kernel/rules.ts";
import { schema, type Tx } from "../../platform/db/index.ts";
import type { DbOrTx, VoteRow } from "./decisions.repo.ts";
import type { BallotChoice } from "./tally.ts";

const { votes, voteElectorate, voteParticipation, openBallots, groupDecisionSettings } = schema;

/** A vote row by id, if any. */
export async function findVoteRow(db: DbOrTx, voteId: number): Promise<VoteRow | undefined> {
  return (await db.select().from(votes).where(eq(votes.id, voteId)))[0];
}

/** Votes of a group (or of every group) with a status (or any), open first, then newest. */
export async function selectVoteRows(
  db: DbOrTx,
  filter: { groupId?: number; status?: "open" | "closed" },
): Promise<VoteRow[]> {
  return db
    .select()
    .from(votes)
    .where(
      and(
        filter.groupId === undefined ? undefined : eq(votes.groupId, filter.groupId),
        filter.status === undefined ? undefined : eq(votes.status, filter.status),
      ),
    )
    .orderBy(desc(votes.status), desc(votes.id));
}

/** Ids of the open votes whose closing time is `now` or earlier, oldest first. */
export async function dueVoteIds(db: DbOrTx, now: Date): Promise<number[]> {
  const due = await db
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.status, "open"), lte(votes.closesAt, now)))
    .orderBy(votes.id);
  return due.map((d) => d.id);
}

/** Changes a vote; the row after, undefined when there is no such vote. */
export async function updateVote(
  tx: Tx,
  voteId: number,
  change: Partial<typeof votes.$inferInsert>,
): Promise<VoteRow | undefined> {
  return (await tx.update(votes).set(change).where(eq(votes.id, voteId)).returning())[0];
}

/**
 * Locks a vote row for a ballot (serialising ballots and closing) and tells, in the same
 * statement, whether the person is in its frozen electorate.
 */
export async function lockVoteForBallot(
  tx: Tx,
  voteId: number,
  voter: number,
): Promise<{ vote: VoteRow; inElectorate: boolean } | undefined> {
  const [locked] = await tx
    .select({
      vote: votes,
      inElectorate: sql<boolean>`exists (select 1 from ${voteElectorate} where ${voteElectorate.voteId} = ${votes.id} and ${voteElectorate.personId} = ${voter})`,
    })
    .from(votes)
    .where(eq(votes.id, voteId))
    .for("update");
  return locked;
}

/**
 * Counts one ballot in one statement: the participation row (its unique key refuses a second
 * ballot), the open ballot when the vote is open, and the count; nothing is counted when the
 * person took part already (then undefined). Returns the counts after.
 */
export async function countBallot(
  tx: Tx,
  input: { vote: VoteRow; voter: number; choice: BallotChoice; now: Date },
): Promise<{ yes: number; no: number; abstain: number } | undefined> {
  const { vote, voter, now } = input;
  const one = (c: BallotChoice) => (input.choice === c ? 1 : 0);
  const openBallot =
    vote.secrecy === "open"
      ? sql`, b as (insert into ${openBallots} (vote_id, person_id, choice, cast_at)
            select ${vote.id}, person_id, ${input.choice}, ${now.toISOString()}::timestamptz from p)`
      : sql``;
  const result = await tx.execute(sql`
      with p as (
        insert into ${voteParticipation} (vote_id, person_id, voted_on)
        values (${vote.id}, ${voter}, ${dayOf(now)}::date)
        on conflict do nothing returning person_id
      )${openBallot}
      update ${votes} set yes = yes + ${one("yes")}, no = no + ${one("no")}, abstain = abstain + ${one("abstain")}
      where id = ${vote.id} and exists (select 1 from p)
      returning yes, no, abstain`);
  // Both drivers return { rows } from execute().
  return (result as unknown as { rows: Array<{ yes: number; no: number; abstain: number }> }).rows[0];
}

/** Saves a group's vote rules and next meeting date (creating its settings row the first time). */
export async function upsertDecisionSettings(
  tx: Tx,
  groupId: number,
  settings: Omit<typeof groupDecisionSettings.$inferInsert, "groupId" | "updatedAt">,
  now: Date,
): Promise<void> {
  await tx
    .insert(groupDecisionSettings)
    .values({ groupId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: groupDecisionSettings.groupId, set: { ...settings, updatedAt: now } });
}

/** The frozen electorate of a vote. */
export async function voteElectorateRows(db: DbOrTx, voteId: number) {
  return db.select().from(voteElectorate).where(eq(voteElectorate.voteId, voteId));
}

/** Records that a vote's closing time moved, and why. */
export async function insertVoteExtension(
  tx: Tx,
  values: typeof schema.voteExtensions.$inferInsert,
): Promise<void> {
  await tx.insert(schema.voteExtensions).values(values);
}

/** Saves a new vote. */
export async function insertVote(tx: Tx, values: typeof votes.$inferInsert): Promise<VoteRow | undefined> {
  return (await tx.insert(votes).values(values).returning())[0];
}

/** Freezes a vote's electorate. */
export async function insertElectorate(tx: Tx, voteId: number, personIds: readonly number[]): Promise<void> {
  await tx.insert(voteElectorate).values(personIds.map((personId) => ({ voteId, personId })));
}

/** Id, slug and name of some groups. */
export async function groupsOfVotes(db: DbOrTx, groupIds: readonly number[]) {
  return db
    .select({ id: schema.groups.id, slug: schema.groups.slug, name: schema.groups.name })
    .from(schema.groups)
    .where(inArray(schema.groups.id, [...groupIds]));
}

/** Who took part in some votes, by name (never how they voted). */
export async function participationOf(db: DbOrTx, voteIds: readonly number[]) {
  const { people } = schema;
  return db
    .select({ voteId: voteParticipation.voteId, personId: voteParticipation.personId, name: people.name })
    .from(voteParticipation)
    .innerJoin(people, eq(people.id, voteParticipation.personId))
    .where(inArray(voteParticipation.voteId, [...voteIds]))
    .orderBy(asc(people.name));
}

/** Names of some people. */
export async function namesOfPeople(db: DbOrTx, personIds: readonly number[]) {
  const { people } = schema;
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...personIds]));
}

/** The extensions of some votes, oldest first. */
export async function extensionsOf(db: DbOrTx, voteIds: readonly number[]) {
  return db
    .select()
    .from(schema.voteExtensions)
    .where(inArray(schema.voteExtensions.voteId, [...voteIds]))
    .orderBy(asc(schema.voteExtensions.id));
}

/** The ballots of some open-ballot votes, by voter name. */
export async function openBallotsOf(db: DbOrTx, voteIds: readonly number[]) {
  const { people } = schema;
  return db
    .select({
      voteId: openBallots.voteId,
      personId: openBallots.personId,
      name: people.name,
      choice: openBallots.choice,
    })
    .from(openBallots)
    .innerJoin(people, eq(people.id, openBallots.personId))
    .where(inArray(openBallots.voteId, [...voteIds]))
    .orderBy(asc(people.name));
}

/** The votes in whose electorate a person is. */
export async function electorateVoteIdsOf(db: DbOrTx, personId: number) {
  return db
    .select({ voteId: voteElectorate.voteId })
    .from(voteElectorate)
    .where(eq(voteElectorate.personId, personId));
}
