import { type AuditActor, appendAudit } from "../../kernel/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { mergePeople } from "../registry/accept-alias-suggestion.ts";
import {
  type ClaimRow,
  decideClaimRow,
  deletePerson,
  deletePersonAliases,
  findClaim,
  findPersonRow,
  findUser,
  findUserOfPerson,
  insertPersonMerge,
  isPrivateApplicant,
  linkUserToPerson,
  rejectOtherPendingClaims,
} from "./accounts.repo.ts";

/**
 * An administrator confirms a claim (the account becomes linked to the person, other pending
 * claims on that person are rejected) or rejects it; all in one transaction. When the account
 * already has a person created when it applied (not yet a member), that person is merged into
 * the claimed one: its applications and everything else move, and it is deleted.
 */
export async function decideClaim(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  claimId: number;
  outcome: "confirmed" | "rejected";
}): Promise<ClaimRow> {
  return input.db.transaction(async (tx) => {
    const claim = await findClaim(tx, input.claimId);
    if (!claim) throw new AppError("not_found", { message: `No claim with id ${input.claimId}.` });
    if (claim.status !== "pending") {
      throw new AppError("conflict", { message: `Claim ${claim.id} was already ${claim.status}.` });
    }
    if (input.outcome === "confirmed") {
      const linked = await findUserOfPerson(tx, claim.personId);
      if (linked) throw new AppError("conflict", { message: "That person is already linked to an account." });
      const user = await findUser(tx, claim.userId);
      const applicant = user?.personId ?? null;
      if (applicant !== null && applicant !== claim.personId) {
        if (!(await isPrivateApplicant(tx, applicant))) {
          throw new AppError("conflict", { message: "The account is linked to another person already." });
        }
        const merged = await findPersonRow(tx, applicant);
        // The spelling typed when applying was never public: it does not become the person's alias.
        await deletePersonAliases(tx, applicant);
        await mergePeople(tx, claim.personId, applicant);
        if (merged) {
          await insertPersonMerge(tx, {
            keptPersonId: claim.personId,
            mergedPersonId: merged.id,
            mergedSlug: merged.slug,
            mergedName: merged.name,
            reason: `claim ${claim.id} confirmed`,
            suggestionId: null,
            mergedAt: input.now,
          });
        }
        await deletePerson(tx, applicant);
      }
      await linkUserToPerson(tx, claim.userId, claim.personId);
      await rejectOtherPendingClaims(tx, {
        personId: claim.personId,
        keptClaimId: claim.id,
        decidedAt: input.now,
        decidedBy: input.by.userId,
      });
    }
    const after = await decideClaimRow(tx, claim.id, {
      status: input.outcome,
      decidedAt: input.now,
      decidedBy: input.by.userId,
    });
    if (!after) throw new Error("update of person_claims returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: input.outcome === "confirmed" ? "claim.confirm" : "claim.reject",
      subjectType: "person",
      subjectId: claim.personId,
      before: claim,
      after,
    });
    return after;
  });
}
