/**
 * Gives an account its person the first time it needs one (applying to a group), inside the
 * caller's transaction. An account already linked keeps its person; otherwise a new person is
 * created from the account's name and GitHub login, and similar people from the charters are
 * paired with it by pending alias suggestions for an administrator to accept or reject.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { PeopleIndex } from "../registry/people.repo.ts";
import { type AuditActor, appendAudit } from "./accounts.repo.ts";

/** The person id of account `userId`, created and linked (audited) when it has none. */
export async function ensureAccountPerson(input: {
  tx: Tx;
  userId: number;
  now: Date;
  by: AuditActor;
  cause: string;
}): Promise<number> {
  const { tx, now } = input;
  const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, input.userId)).for("update");
  if (!user) throw new AppError("not_found", { message: `No account #${input.userId}.` });
  if (user.personId !== null) return user.personId;
  const index = await PeopleIndex.load(tx, now);
  const personId = await index.createForAccount({ name: user.name, handle: user.githubLogin });
  await tx.update(schema.users).set({ personId }).where(eq(schema.users.id, user.id));
  await appendAudit(tx, {
    by: input.by,
    at: now,
    action: "account.person-created",
    subjectType: "user",
    subjectId: user.id,
    before: { personId: null },
    after: { personId, suggestions: index.stats.suggestionsCreated.map((s) => s.id) },
    cause: input.cause,
  });
  return personId;
}
