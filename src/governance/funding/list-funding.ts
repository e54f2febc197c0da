/**
 * Funding requests a viewer may see (the asking group's participants, the requester, the Board and
 * site admins: funding/rules.ts), with per-group, per-currency totals over the same requests, and
 * the CSV export of them.
 */
import { type Actor, dayOf, foundationRolesOn } from "../../kernel/rules.ts";
import { toCsv } from "../../platform/csv.ts";
import type { Db } from "../../platform/db/index.ts";
import { groupRolesOn } from "../governance.policy.ts";
import { FUNDING_CSV_COLUMNS, fundingCsvRow, presentFunding, presentTotals } from "./funding.presenters.ts";
import { type FundingRecord, listFunding } from "./funding.repo.ts";
import { fundingTotals } from "./money.ts";
import { decideFunding } from "./rules.ts";

/** True when `actor` may see the request on `day`. */
export function maySeeFunding(actor: Actor, r: FundingRecord, day: string): boolean {
  const foundation = foundationRolesOn(actor, day);
  return decideFunding(
    "funding.view",
    { ...r, requestId: r.id },
    {
      userId: actor.userId,
      personId: actor.personId,
      participant: groupRolesOn(actor, r.groupId, day).size > 0,
      board: foundation.has("board-member"),
      admin: foundation.has("site-admin"),
    },
  ).allowed;
}

/** The requests `actor` may see (all of them for a trusted caller: `actor` null), newest first. */
export async function visibleFunding(input: {
  db: Db;
  actor: Actor | null;
  now: Date;
  groupId?: number;
  states?: readonly string[];
}): Promise<FundingRecord[]> {
  const day = dayOf(input.now);
  const rows = await listFunding(input.db, {
    ...(input.groupId === undefined ? {} : { groupIds: [input.groupId] }),
    ...(input.states === undefined ? {} : { states: input.states }),
  });
  const { actor } = input;
  return actor === null ? rows : rows.filter((r) => maySeeFunding(actor, r, day));
}

/** The list and its totals, presented. */
export async function getFundingOverview(input: {
  db: Db;
  actor: Actor | null;
  now: Date;
  groupId?: number;
}) {
  const rows = await visibleFunding(input);
  return {
    requests: rows.map(presentFunding),
    totals: fundingTotals(rows.map((r) => ({ ...r, groupSlug: r.groupSlug, groupName: r.groupName }))).map(
      presentTotals,
    ),
  };
}

/** The CSV of the requests `actor` may see (formula cells neutralised by platform/csv.ts). */
export async function fundingCsv(input: { db: Db; actor: Actor | null; now: Date }): Promise<string> {
  const rows = await visibleFunding(input);
  return toCsv({ columns: FUNDING_CSV_COLUMNS, rows: rows.map(fundingCsvRow) });
}
