/** Queries for finding people by name: everyone (or some) with their aliases. */
import { asc, inArray } from "drizzle-orm";
import { type Db, schema, type Tx } from "../../platform/db/index.ts";
import type { PersonCandidate } from "./person-lookup.ts";

const { people, personAliases } = schema;

/** People who can be found by name (all, or those with the given ids), with their aliases. */
export async function selectPersonCandidates(
  db: Db | Tx,
  options: { ids?: readonly number[] } = {},
): Promise<PersonCandidate[]> {
  if (options.ids && options.ids.length === 0) return [];
  const rows = await db
    .select({ id: people.id, slug: people.slug, name: people.name })
    .from(people)
    .where(options.ids ? inArray(people.id, [...options.ids]) : undefined)
    .orderBy(asc(people.name), asc(people.id));
  const aliases = await db
    .select({ personId: personAliases.personId, alias: personAliases.alias })
    .from(personAliases)
    .where(options.ids ? inArray(personAliases.personId, [...options.ids]) : undefined);
  const byPerson = new Map<number, string[]>();
  for (const a of aliases) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a.alias]);
  return rows.map((r) => ({ ...r, aliases: byPerson.get(r.id) ?? [] }));
}
