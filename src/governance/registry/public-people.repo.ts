/**
 * Who the public may see. A person read from a charter is public. A person created for an account
 * when it applied (`applicant_people`) is not, until they are a member: until a role period (a
 * decision) or a charter names them in a group. Before that only the account itself, the people
 * deciding on the application, the Board and administrators see the name.
 */
import { Column, getTableName, type SQL, sql } from "drizzle-orm";

/** A condition true when the person with id `personId` (a column, always table-qualified, or an id) may be shown to anyone. */
export function isPublicPerson(person: Column | number): SQL {
  // Qualified by hand: in a select list drizzle may write a bare "id", which the subqueries' own
  // tables would capture.
  const personId =
    person instanceof Column
      ? sql`${sql.identifier(getTableName(person.table))}.${sql.identifier(person.name)}`
      : sql`${person}`;
  return sql`(not exists (select 1 from applicant_people ap where ap.person_id = ${personId})
    or exists (select 1 from role_periods rp where rp.person_id = ${personId})
    or exists (select 1 from group_roles gr where gr.person_id = ${personId}))`;
}
