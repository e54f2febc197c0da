import type { Db, Tx } from "../../platform/db/index.ts";
import type { AuditActor } from "../audit/audit.repo.ts";
import { endDatedPeriod, type PeriodStore } from "./end-dated-period.ts";
import {
  type FoundationRoleRow,
  findFoundationRole,
  personIdOfUser,
  setFoundationRoleEnd,
} from "./identity.repo.ts";

/** A foundation role that has just ended, for the rooms that act on it. */
export interface FoundationRoleEnded {
  role: string;
  /** The holder's person (directly, or through their account); null when the account has none. */
  personId: number | null;
  endedOn: string;
  now: Date;
  by: AuditActor;
}

/** What a room does in the transaction that ends a foundation role (hand over a Board Liaison's items). */
export type FoundationRoleEndHook = (tx: Tx, ended: FoundationRoleEnded) => Promise<void>;

const hooks = new Set<FoundationRoleEndHook>();

/** Registers a hook run whenever a foundation role ends (the same function twice counts once). */
export function onFoundationRoleEnd(hook: FoundationRoleEndHook): void {
  hooks.add(hook);
}

const foundationRoleStore: PeriodStore<FoundationRoleRow> = {
  noun: "foundation role",
  load: (tx, id) => findFoundationRole(tx, id),
  end: (tx, before, change) => setFoundationRoleEnd(tx, before.id, change.endedOn),
  async afterEnd(tx, after, { now, by }) {
    if (hooks.size === 0) return;
    let personId = after.personId;
    if (personId === null && after.userId !== null) {
      personId = await personIdOfUser(tx, after.userId);
    }
    const ended = { role: after.role, personId, endedOn: after.endedOn ?? "", now, by };
    for (const hook of hooks) await hook(tx, ended);
  },
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
