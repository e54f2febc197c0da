import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { selectAliases, selectEvents, selectPerson, selectRolesOfPerson } from "./directory.repo.ts";
import { asKind, asStatus, timelineEvent } from "./group-model.ts";
import type { PersonDetail, PersonRole } from "./schemas.ts";

/** Input of getPerson: a numeric id ("42") or a slug. */
export interface GetPersonInput {
  db: Db;
  idOrSlug: string;
  /** The day membership is read for (YYYY-MM-DD). */
  day: string;
}

const ROLES = new Set<PersonRole["role"]>([
  "chair",
  "co-chair",
  "board-liaison",
  "steering-council-liaison",
  "member",
  "alumnus",
  "other",
]);

/** A person with their current roles and their timeline across groups; throws not_found when unknown. */
export async function getPerson(input: GetPersonInput): Promise<PersonDetail> {
  const key = input.idOrSlug.trim();
  const isId = /^\d{1,9}$/.test(key);
  const person = await selectPerson(input.db, isId ? { id: Number(key) } : { slug: key });
  if (!person)
    throw new AppError("not_found", { message: `No person with ${isId ? "id" : "slug"} "${key}".` });
  const [aliases, roles, events] = await Promise.all([
    selectAliases(input.db, person.id),
    selectRolesOfPerson(input.db, person.id, input.day),
    selectEvents(input.db, { personId: person.id }),
  ]);
  return {
    id: person.id,
    slug: person.slug,
    name: person.name,
    handle: person.handle,
    aliases: aliases.filter((a) => a !== person.name),
    roles: roles.map((r) => ({
      group: {
        slug: r.groupSlug,
        name: r.groupName,
        kind: asKind(r.groupKind),
        status: asStatus(r.groupStatus),
      },
      role: ROLES.has(r.role as PersonRole["role"]) ? (r.role as PersonRole["role"]) : "other",
      title: r.title,
    })),
    timeline: events.map(timelineEvent),
  };
}
