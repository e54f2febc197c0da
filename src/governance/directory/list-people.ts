import type { Db } from "../../platform/db/index.ts";
import { selectCurrentGroupsOfPeople, selectPeople } from "./directory.repo.ts";
import type { PersonSummary } from "./schemas.ts";

/** Input of listPeople. */
export interface ListPeopleInput {
  db: Db;
  /** The day membership is read for (YYYY-MM-DD). */
  day: string;
}

/** Everyone known, by name, with the groups they are in now. Six queries. */
export async function listPeople(input: ListPeopleInput): Promise<PersonSummary[]> {
  const [rows, memberships] = await Promise.all([
    selectPeople(input.db),
    selectCurrentGroupsOfPeople(input.db, input.day),
  ]);
  const byPerson = new Map<number, Array<{ slug: string; name: string }>>();
  for (const m of memberships) {
    const list = byPerson.get(m.personId);
    const g = { slug: m.groupSlug, name: m.groupName };
    if (list) list.push(g);
    else byPerson.set(m.personId, [g]);
  }
  return rows.map((p) => ({
    person: { id: p.id, slug: p.slug, name: p.name, handle: p.handle },
    groups: byPerson.get(p.id) ?? [],
  }));
}
