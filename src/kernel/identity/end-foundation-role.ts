import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import type { AuditActor } from "../audit/audit.repo.ts";
import { endDatedPeriod, type PeriodStore } from "./end-dated-period.ts";
import type { FoundationRoleRow } from "./identity.repo.ts";

const foundationRoleStore: PeriodStore<FoundationRoleRow> = {
  noun: "foundation role",
  load: async (tx, id) =>
    (await tx.select().from(schema.foundationRoles).where(eq(schema.foundationRoles.id, id)))[0],
  end: async (tx, before, change) =>
    (
      await tx
        .update(schema.foundationRoles)
        .set({ endedOn: change.endedOn })
        .where(eq(schema.foundationRoles.id, before.id))
        .returning()
    )[0],
  audit: {
    action: "foundation-role.end",
    subject: (before) => ({
      type: before.userId === null ? "person" : "user",
      id: before.userId ?? before.personId ?? "",
    }),
  },
};

/** Ends a foundation role period on a day (the holder no longer has it from that day). */
export async function endFoundationRole(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  roleId: number;
  endedOn: string;
  reason?: string;
  decisionRef?: string | null;
}): Promise<FoundationRoleRow> {
  const { roleId, ...rest } = input;
  return endDatedPeriod(foundationRoleStore, { ...rest, id: roleId });
}
