import { z } from "zod";
import { appendAudit, findPersonBySlug, findUserById, parseOrThrow, selfActor } from "../../kernel/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { optionalText, text } from "../../platform/validation.ts";
import {
  type ClaimRow,
  findUserOfPerson,
  insertClaim,
  isPersonPublic,
  isPrivateApplicant,
  pendingClaimOf,
} from "./accounts.repo.ts";

/** What a claim says: the person (by slug, as on /people) and a note for the administrator. */
export const ClaimInputSchema = z.object({
  person: text({ max: 200, required: "choose the person you are" }),
  note: optionalText({ max: 2000 }).transform((v) => v ?? ""),
});

/**
 * Records "this person from the charters is me" for an administrator to confirm. An account whose
 * person was only created when it applied (not yet a member, not public) may still claim: on
 * confirmation that person is merged into the claimed one.
 */
export async function claimPerson(input: {
  db: Db;
  now: Date;
  userId: number;
  personSlug: string;
  note?: string;
}): Promise<ClaimRow> {
  const claimed = parseOrThrow(ClaimInputSchema, { person: input.personSlug, note: input.note }, "claim");
  return input.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw new AppError("not_found", { message: `No user with id ${input.userId}.` });
    if (user.personId !== null && !(await isPrivateApplicant(tx, user.personId))) {
      throw new AppError("conflict", { message: "Your account is already linked to a person." });
    }
    const found = await findPersonBySlug(tx, claimed.person);
    // Another applicant's person is as unknown here as on /people; so is one's own.
    const person =
      found && found.id !== user.personId && (await isPersonPublic(tx, found.id)) ? found : undefined;
    if (!person) {
      throw new AppError("validation", {
        message: `Invalid claim: person: no person "${input.personSlug}".`,
        issues: [{ field: "person", message: "no such person" }],
      });
    }
    const linked = await findUserOfPerson(tx, person.id);
    if (linked)
      throw new AppError("conflict", { message: `${person.name} is already linked to an account.` });
    const pending = await pendingClaimOf(tx, user.id);
    if (pending) {
      throw new AppError("conflict", { message: "You already have a claim waiting for an administrator." });
    }
    const claim = await insertClaim(tx, {
      userId: user.id,
      personId: person.id,
      status: "pending",
      note: claimed.note,
      createdAt: input.now,
    });
    if (!claim) throw new Error("insert into person_claims returned nothing");
    await appendAudit(tx, {
      by: selfActor(user.id),
      at: input.now,
      action: "claim.create",
      subjectType: "person",
      subjectId: person.id,
      after: claim,
    });
    return claim;
  });
}
