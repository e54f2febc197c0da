/** Queries of alias suggestions, recorded spellings of names, and merges of two people into one. */
import { aliasedTable, and, asc, eq, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.ts";
import {
  aliasSuggestions,
  groupEvents,
  groupRoles,
  people,
  personAliases,
  personMerges,
} from "../../platform/db/schema.ts";

/** A database handle or an open transaction. */
type DbOrTx = Db | Tx;

/** An alias suggestion row. */
export type AliasSuggestionRow = typeof aliasSuggestions.$inferSelect;

/** An alias suggestion by id. */
export async function findAliasSuggestion(db: DbOrTx, id: number): Promise<AliasSuggestionRow | undefined> {
  return (await db.select().from(aliasSuggestions).where(eq(aliasSuggestions.id, id)))[0];
}

/** Records the decision on an alias suggestion. */
export async function decideAliasSuggestion(
  tx: Tx,
  id: number,
  decision: { status: "accepted" | "rejected"; decidedAt: Date },
): Promise<void> {
  await tx.update(aliasSuggestions).set(decision).where(eq(aliasSuggestions.id, id));
}

/** Suggestions (pending only unless `all`), oldest first, with both people's rows. */
export async function selectAliasSuggestions(db: DbOrTx, all: boolean) {
  const other = aliasedTable(people, "other");
  const q = db
    .select({ s: aliasSuggestions, keep: people, merge: other })
    .from(aliasSuggestions)
    .innerJoin(people, eq(people.id, aliasSuggestions.personId))
    .innerJoin(other, eq(other.id, aliasSuggestions.otherPersonId))
    .orderBy(asc(aliasSuggestions.id));
  return all ? await q : await q.where(eq(aliasSuggestions.status, "pending"));
}

/** Suggestions in which a person is one of the two. */
export async function suggestionsAbout(tx: Tx, personId: number): Promise<AliasSuggestionRow[]> {
  return tx
    .select()
    .from(aliasSuggestions)
    .where(and(or(eq(aliasSuggestions.personId, personId), eq(aliasSuggestions.otherPersonId, personId))));
}

/** True when a suggestion already pairs the two people (either way round). */
export async function suggestionPairExists(tx: Tx, p: number, q: number): Promise<boolean> {
  const [dup] = await tx
    .select({ id: aliasSuggestions.id })
    .from(aliasSuggestions)
    .where(
      or(
        and(eq(aliasSuggestions.personId, p), eq(aliasSuggestions.otherPersonId, q)),
        and(eq(aliasSuggestions.personId, q), eq(aliasSuggestions.otherPersonId, p)),
      ),
    );
  return dup !== undefined;
}

/** Makes a suggestion concern another pair of people. */
export async function repairSuggestion(
  tx: Tx,
  id: number,
  pair: { personId: number; otherPersonId: number },
): Promise<void> {
  await tx.update(aliasSuggestions).set(pair).where(eq(aliasSuggestions.id, id));
}

/** A person row by slug. */
export async function findPersonRowBySlug(db: DbOrTx, slug: string) {
  return (await db.select().from(people).where(eq(people.slug, slug)))[0];
}

/** A person row by id. */
export async function findPersonRowById(db: DbOrTx, id: number) {
  return (await db.select().from(people).where(eq(people.id, id)))[0];
}

/** The recorded spelling with this normalised key, if any. */
export async function findAliasByKey(db: DbOrTx, aliasKey: string) {
  return (await db.select().from(personAliases).where(eq(personAliases.aliasKey, aliasKey)))[0];
}

/** Records a spelling of a person's name. */
export async function insertPersonAlias(tx: Tx, values: typeof personAliases.$inferInsert): Promise<void> {
  await tx.insert(personAliases).values(values);
}

/** Sets a person's handle. */
export async function setPersonHandle(tx: Tx, personId: number, handle: string): Promise<void> {
  await tx.update(people).set({ handle }).where(eq(people.id, personId));
}

/** Records that one person was merged into another. */
export async function insertMerge(tx: Tx, values: typeof personMerges.$inferInsert): Promise<void> {
  await tx.insert(personMerges).values(values);
}

/** Deletes a person row (once merged into another). */
export async function deletePersonRow(tx: Tx, personId: number): Promise<void> {
  await tx.delete(people).where(eq(people.id, personId));
}

/** Moves a person's charter roles to another person; the ids moved. */
export async function moveGroupRoles(tx: Tx, to: number, from: number) {
  return tx
    .update(groupRoles)
    .set({ personId: to })
    .where(eq(groupRoles.personId, from))
    .returning({ id: groupRoles.id });
}

/** Moves a person's timeline events to another person; the ids moved. */
export async function moveGroupEvents(tx: Tx, to: number, from: number) {
  return tx
    .update(groupEvents)
    .set({ personId: to })
    .where(eq(groupEvents.personId, from))
    .returning({ id: groupEvents.id });
}

/** Moves a person's recorded spellings to another person; the ids moved. */
export async function movePersonAliases(tx: Tx, to: number, from: number) {
  return tx
    .update(personAliases)
    .set({ personId: to })
    .where(eq(personAliases.personId, from))
    .returning({ id: personAliases.id });
}

/** Drops the merged person's charter roles the kept person holds too (same group, role and title). */
export async function dropRolesHeldByBoth(tx: Tx, to: number, from: number): Promise<void> {
  await tx.execute(sql`
    delete from group_roles r using group_roles k
    where r.person_id = ${from} and k.person_id = ${to}
      and k.group_id = r.group_id and k.role = r.role and k.title = r.title`);
}

/** How many accounts are linked to either of two people. */
export async function accountsOfPair(tx: Tx, to: number, from: number): Promise<number> {
  const accounts = (await tx.execute(
    sql`select count(*)::int as n from users where person_id in (${to}, ${from})`,
  )) as unknown as { rows: Array<{ n: number }> };
  return accounts.rows[0]?.n ?? 0;
}

/**
 * Moves the merged person's account and decisions to the kept person: the account link, the
 * frozen electorates, participation and open ballots (a vote both were in keeps the kept
 * person's row), role periods, foundation roles, claims, applications, and the votes and
 * extensions that name them.
 */
export async function moveAccountAndDecisions(tx: Tx, to: number, from: number): Promise<void> {
  await tx.execute(sql`update users set person_id = ${to} where person_id = ${from}`);
  for (const table of ["vote_electorate", "vote_participation", "open_ballots"]) {
    await tx.execute(sql`
      delete from ${sql.identifier(table)} r using ${sql.identifier(table)} k
      where r.person_id = ${from} and k.person_id = ${to} and k.vote_id = r.vote_id`);
    await tx.execute(sql`update ${sql.identifier(table)} set person_id = ${to} where person_id = ${from}`);
  }
  for (const table of ["role_periods", "foundation_roles", "person_claims", "membership_applications"]) {
    await tx.execute(sql`update ${sql.identifier(table)} set person_id = ${to} where person_id = ${from}`);
  }
  await tx.execute(sql`update votes set subject_person_id = ${to} where subject_person_id = ${from}`);
  await tx.execute(sql`update votes set opened_by_person_id = ${to} where opened_by_person_id = ${from}`);
  await tx.execute(sql`update vote_extensions set by_person_id = ${to} where by_person_id = ${from}`);
}
