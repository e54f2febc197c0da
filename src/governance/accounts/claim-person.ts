import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { appendAudit, type ClaimRow, findPersonBySlug, findUserById } from "./accounts.repo.ts";

/** Records "this person from the charters is me" for an administrator to confirm. */
export async function claimPerson(input: {
  db: Db;
  now: Date;
  userId: number;
  personSlug: string;
  note?: string;
}): Promise<ClaimRow> {
  return input.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw new AppError("not_found", { message: `No user with id ${input.userId}.` });
    if (user.personId !== null) {
      throw new AppError("conflict", { message: "Your account is already linked to a person." });
    }
    const person = await findPersonBySlug(tx, input.personSlug.trim());
    if (!person) {
      throw new AppError("validation", {
        message: `Invalid claim: person: no person "${input.personSlug}".`,
        issues: [{ field: "person", message: "no such person" }],
      });
    }
    const [linked] = await tx.select().from(schema.users).where(eq(schema.users.personId, person.id));
    if (linked)
      throw new AppError("conflict", { message: `${person.name} is already linked to an account.` });
    const [pending] = await tx
      .select()
      .from(schema.personClaims)
      .where(and(eq(schema.personClaims.userId, user.id), eq(schema.personClaims.status, "pending")));
    if (pending) {
      throw new AppError("conflict", { message: "You already have a claim waiting for an administrator." });
    }
    const [claim] = await tx
      .insert(schema.personClaims)
      .values({
        userId: user.id,
        personId: person.id,
        status: "pending",
        note: (input.note ?? "").trim().slice(0, 2000),
        createdAt: input.now,
      })
      .returning();
    if (!claim) throw new Error("insert into person_claims returned nothing");
    await appendAudit(tx, {
      by: { userId: user.id, label: `user:${user.id}` },
      at: input.now,
      action: "claim.create",
      subjectType: "person",
      subjectId: person.id,
      after: claim,
    });
    return claim;
  });
}
