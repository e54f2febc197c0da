import { pgTable } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { createdAtColumn, keyedBy, refersTo } from "./columns.ts";
import { people } from "./governance.ts";

/**
 * People created for an account when it applied to a group, rather than read from a charter. Such a
 * person is not public (not on /people, group pages or the API) until they hold or held a role in
 * a group (a role period, or a charter naming them); its account may still claim the charter
 * person it really is, which merges this one into it.
 */
export const applicantPeople = pgTable("applicant_people", {
  personId: keyedBy("person_id", () => people.id),
  /** The account it was created for (null once that account is gone). */
  userId: refersTo("user_id", () => users.id),
  createdAt: createdAtColumn(),
});
