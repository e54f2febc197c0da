/**
 * Gives an account its person the first time it needs one (applying to a group), inside the
 * caller's transaction. An account already linked keeps its person; otherwise a new person is
 * created with the name the applicant gave (or the account's name) and the GitHub login, recorded
 * as an applicant person (not public until a member, registry/public-people.repo.ts), and similar
 * people from the charters are paired with it by pending alias suggestions for an administrator
 * to accept or reject.
 */
import { type AuditActor, appendAudit } from "../../kernel/index.ts";
import type { Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { PeopleIndex } from "../registry/people.repo.ts";
import { insertApplicantPerson, linkUserToPerson, lockUser } from "./accounts.repo.ts";

/**
 * True when the account's name was chosen (on GitHub or the account page) rather than taken from
 * the local part of its email address, which is all an email sign-in knows.
 */
export function accountHasName(user: { name: string; email: string | null }): boolean {
  const local = user.email?.split("@")[0];
  return user.name.trim() !== "" && user.name !== local;
}

/** The person id of account `userId`, created and linked (audited) when it has none. */
export async function ensureAccountPerson(input: {
  tx: Tx;
  userId: number;
  now: Date;
  by: AuditActor;
  cause: string;
  /** The name the applicant typed; without it the account's name, if it has one. */
  name?: string | null;
}): Promise<number> {
  const { tx, now } = input;
  const user = await lockUser(tx, input.userId);
  if (!user) throw new AppError("not_found", { message: `No account #${input.userId}.` });
  if (user.personId !== null) return user.personId;
  const name = input.name?.trim() || (accountHasName(user) ? user.name : "");
  if (!name) {
    throw new AppError("validation", {
      message: "Invalid application: name: say the name the group will see.",
      issues: [{ field: "name", message: "say the name the group will see" }],
    });
  }
  const index = await PeopleIndex.load(tx, now);
  const personId = await index.createForAccount({ name, handle: user.githubLogin });
  await insertApplicantPerson(tx, { personId, userId: user.id, createdAt: now });
  await linkUserToPerson(tx, user.id, personId);
  await appendAudit(tx, {
    by: input.by,
    at: now,
    action: "account.person-created",
    subjectType: "user",
    subjectId: user.id,
    before: { personId: null },
    after: { personId, name, suggestions: index.stats.suggestionsCreated.map((s) => s.id) },
    cause: input.cause,
  });
  return personId;
}
