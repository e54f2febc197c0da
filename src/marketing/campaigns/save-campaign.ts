/** Creates and edits campaigns: a name, a goal, a period and an owner who takes part in the group. */
import { z } from "zod";
import { loadActor } from "../../kernel/index.ts";
import { dayOf, holdsOn } from "../../kernel/rules.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db, Tx } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { Day, optionalText, text } from "../../platform/validation.ts";
import { auditMarketing, type ItemActor } from "../items/audit-item.ts";
import {
  findAccountByEmail,
  findMarketingGroup,
  getCampaign,
  insertCampaign,
  updateCampaign,
} from "../marketing.repo.ts";

/** The fields of a campaign's form (and of the operations). */
export const CampaignFieldsSchema = z.object({
  name: text({ max: 200 }),
  goal: text({ max: 2000, multiline: true }),
  startsOn: Day,
  endsOn: Day,
  /** The owner's account email; blank: the person saving (new) or unchanged (edit). */
  owner: optionalText({ max: 320 }),
});
/** A campaign's fields. */
export type CampaignFields = z.infer<typeof CampaignFieldsSchema>;

function checkPeriod(f: CampaignFields): void {
  if (f.endsOn < f.startsOn) {
    throw new AppError("validation", {
      message: "Invalid campaign: endsOn: must be on or after the start",
      issues: [{ field: "endsOn", message: "must be on or after the start" }],
    });
  }
}

/** The owner named by email: an account taking part in the Marketing WG today. */
async function ownerOf(db: Db, email: string, groupId: number, today: string) {
  const user = await findAccountByEmail(db, email);
  const refuse = (message: string) =>
    new AppError("validation", {
      message: `Invalid campaign: owner: ${message}`,
      issues: [{ field: "owner", message }],
    });
  if (!user) throw refuse("no account has this email");
  const actor = await loadActor(db, { userId: user.id, scopes: null });
  if (!actor.groupRoles.some((r) => r.groupId === groupId && holdsOn(r, today)))
    throw refuse("must take part in the Marketing WG");
  return { userId: user.id, name: user.name };
}

/** The campaign's columns its fields and owner set. */
function campaignColumns(f: CampaignFields, owner: { userId: number | null; name: string }) {
  return {
    name: f.name,
    goal: f.goal,
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    ownerUserId: owner.userId,
    ownerName: owner.name,
  };
}

/** What the audit log keeps of a campaign: its name, period and owner. */
function campaignSummary(c: { name: string; startsOn: string; endsOn: string }, owner: string) {
  return { name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, owner };
}

/** Appends one audit row about a campaign. */
function auditCampaign(tx: Tx, id: number, entry: Parameters<typeof auditMarketing>[2]) {
  return auditMarketing(tx, { type: "marketing-campaign", id }, entry);
}

/** Creates a campaign of the Marketing WG; returns its id. */
export async function createCampaign(input: {
  db: Db;
  clock: Clock;
  fields: CampaignFields;
  by: ItemActor;
}): Promise<{ id: number }> {
  const f = input.fields;
  checkPeriod(f);
  const now = input.clock.now();
  const group = await findMarketingGroup(input.db);
  if (!group) throw new AppError("not_found", { message: "No Marketing WG is imported." });
  const owner = f.owner ? await ownerOf(input.db, f.owner, group.id, dayOf(now)) : input.by;
  return input.db.transaction(async (tx) => {
    const row = await insertCampaign(tx, {
      ...campaignColumns(f, owner),
      groupId: group.id,
      createdAt: now,
      updatedAt: now,
    });
    await auditCampaign(tx, row.id, {
      by: input.by,
      at: now,
      action: "marketing.campaign-create",
      after: campaignSummary(f, owner.name),
    });
    return { id: row.id };
  });
}

/** Edits a campaign's name, goal, period or owner. */
export async function editCampaign(input: {
  db: Db;
  clock: Clock;
  campaignId: number;
  fields: CampaignFields;
  by: ItemActor;
}): Promise<void> {
  const f = input.fields;
  checkPeriod(f);
  const now = input.clock.now();
  const before = await getCampaign(input.db, input.campaignId);
  const owner = f.owner
    ? await ownerOf(input.db, f.owner, before.groupId, dayOf(now))
    : { userId: before.ownerUserId, name: before.ownerName };
  await input.db.transaction(async (tx) => {
    await updateCampaign(tx, before.id, {
      ...campaignColumns(f, owner),
      updatedAt: now,
    });
    await auditCampaign(tx, before.id, {
      by: input.by,
      at: now,
      action: "marketing.campaign-edit",
      before: campaignSummary(before, before.ownerName),
      after: campaignSummary(f, owner.name),
    });
  });
}
