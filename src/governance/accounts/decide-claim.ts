import { and, eq, ne } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../kernel/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { mergePeople } from "../registry/accept-alias-suggestion.ts";
import { type ClaimRow, isPrivateApplicant } from "./accounts.repo.ts";

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
    const [claim] = await tx
      .select()
      .from(schema.personClaims)
      .where(eq(schema.personClaims.id, input.claimId));
    if (!claim) throw new AppError("not_found", { message: `No claim with id ${input.claimId}.` });
    if (claim.status !== "pending") {
      throw new AppError("conflict", { message: `Claim ${claim.id} was already ${claim.status}.` });
    }
    if (input.outcome === "confirmed") {
      const [linked] = await tx.select().from(schema.users).where(eq(schema.users.personId, claim.personId));
      if (linked) throw new AppError("conflict", { message: "That person is already linked to an account." });
      const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, claim.userId));
      const applicant = user?.personId ?? null;
      if (applicant !== null && applicant !== claim.personId) {
        if (!(await isPrivateApplicant(tx, applicant))) {
          throw new AppError("conflict", { message: "The account is linked to another person already." });
        }
        const [merged] = await tx.select().from(schema.people).where(eq(schema.people.id, applicant));
        // The spelling typed when applying was never public: it does not become the person's alias.
        await tx.delete(schema.personAliases).where(eq(schema.personAliases.personId, applicant));
        await mergePeople(tx, claim.personId, applicant);
        if (merged) {
          await tx.insert(schema.personMerges).values({
            keptPersonId: claim.personId,
            mergedPersonId: merged.id,
            mergedSlug: merged.slug,
            mergedName: merged.name,
            reason: `claim ${claim.id} confirmed`,
            suggestionId: null,
            mergedAt: input.now,
          });
        }
        await tx.delete(schema.people).where(eq(schema.people.id, applicant));
      }
      await tx
        .update(schema.users)
        .set({ personId: claim.personId })
        .where(eq(schema.users.id, claim.userId));
      await tx
        .update(schema.personClaims)
        .set({ status: "rejected", decidedAt: input.now, decidedBy: input.by.userId })
        .where(
          and(
            eq(schema.personClaims.personId, claim.personId),
            eq(schema.personClaims.status, "pending"),
            ne(schema.personClaims.id, claim.id),
          ),
        );
    }
    const [after] = await tx
      .update(schema.personClaims)
      .set({ status: input.outcome, decidedAt: input.now, decidedBy: input.by.userId })
      .where(eq(schema.personClaims.id, claim.id))
      .returning();
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
