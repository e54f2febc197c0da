import { type AuditActor, endDatedPeriod, type PeriodStore } from "../../kernel/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { handOverOneIfGone } from "../turnover/hand-over.ts";
import { endRolePeriodRow, findRolePeriod, type RolePeriodRow } from "./accounts.repo.ts";

const rolePeriodStore: PeriodStore<RolePeriodRow> = {
  noun: "role period",
  load: (tx, id) => findRolePeriod(tx, id),
  end: (tx, before, change) => endRolePeriodRow(tx, before, change),
  afterEnd: async (tx, after, { now, by, reason }) => {
    await handOverOneIfGone(tx, {
      groupId: after.groupId,
      personId: after.personId,
      endedOn: after.endedOn ?? "",
      cause: "ended",
      reason: reason || after.reason,
      now,
      by,
    });
  },
  audit: { action: "role-period.end", subject: (before) => ({ type: "group", id: before.groupId }) },
};

/** Ends a group role period on a day, recording why and the decision behind it (the kernel's dated-period rule). */
export async function endRolePeriod(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  periodId: number;
  endedOn: string;
  reason?: string;
  decisionRef?: string | null;
}): Promise<RolePeriodRow> {
  const { periodId, ...rest } = input;
  return endDatedPeriod(rolePeriodStore, { ...rest, id: periodId });
}
