/** Queries for finding people by name: everyone (or some) with their aliases. */
import { and, asc, inArray } from "drizzle-orm";
import { type Db, schema, type Tx } from "../../platform/db/index.ts";
import type { PersonCandidate } from "./person-lookup.ts";
import { isPublicPerson } from "./public-people.repo.ts";

const { people, personAliases } = schema;

/**
 * People who can be found by name, with their aliases: everyone the public may see (an applicant's
 * own person stays out until they are a member, as on /people), or those of them with the given ids.
 */
export async function selectPersonCandidates(
  db: Db | Tx,
  options: { ids?: readonly number[] } = {},
): Promise<PersonCandidate[]> {
  if (options.ids && options.ids.length === 0) return [];
  const rows = await db
    .select({ id: people.id, slug: people.slug, name: people.name })
    .from(people)
    .where(and(options.ids ? inArray(people.id, [...options.ids]) : undefined, isPublicPerson(people.id)))
    .orderBy(asc(people.name), asc(people.id));
  const shown = new Set(rows.map((r) => r.id));
  const aliases = (
    await db
      .select({ personId: personAliases.personId, alias: personAliases.alias })
      .from(personAliases)
      .where(options.ids ? inArray(personAliases.personId, [...options.ids]) : undefined)
  ).filter((a) => shown.has(a.personId));
  const byPerson = new Map<number, string[]>();
  for (const a of aliases) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a.alias]);
  return rows.map((r) => ({ ...r, aliases: byPerson.get(r.id) ?? [] }));
}
