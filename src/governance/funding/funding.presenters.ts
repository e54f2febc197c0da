/** Funding records to API objects and rows: presentFunding, presentSpending, presentTotals. */
import type { FundingRecord, SpendingRecord } from "./funding.repo.ts";
import { formatMoney, type GroupTotals, majorUnits } from "./money.ts";

/** A funding request as the API and pages show it. */
export function presentFunding(r: FundingRecord) {
  return {
    id: r.id,
    group: { slug: r.groupSlug, name: r.groupName },
    requestedBy: r.requestedByName,
    purpose: r.purpose,
    description: r.description,
    currency: r.currency,
    amountMinor: r.amountMinor,
    amount: majorUnits(r.amountMinor, r.currency),
    amountText: formatMoney(r.amountMinor, r.currency),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    state: r.state,
    approvedMinor: r.approvedMinor,
    approvedText: r.approvedMinor === null ? null : formatMoney(r.approvedMinor, r.currency),
    spentMinor: r.spentMinor,
    spentText: formatMoney(r.spentMinor, r.currency),
    remainingMinor: r.approvedMinor === null ? null : r.approvedMinor - r.spentMinor,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    vote:
      r.voteId === null
        ? null
        : {
            id: r.voteId,
            status: r.voteStatus ?? "unknown",
            closesAt: r.voteClosesAt?.toISOString() ?? null,
          },
    requestedAt: r.createdAt.toISOString(),
  };
}
/** A presented funding request. */
export type FundingView = ReturnType<typeof presentFunding>;

/** One spending entry as shown. */
export function presentSpending(s: SpendingRecord, currency: string) {
  return {
    id: s.id,
    amountMinor: s.amountMinor,
    amountText: formatMoney(s.amountMinor, currency),
    spentOn: s.spentOn,
    description: s.description,
    receiptUrl: s.receiptUrl,
    recordedBy: s.recordedByName,
  };
}

/** The currency, count and minor-unit amounts of one group's totals: the part the API and the command line's JSON share. */
export function totalsAmounts(
  t: Pick<
    GroupTotals,
    "currency" | "requests" | "requestedMinor" | "waitingMinor" | "approvedMinor" | "spentMinor"
  >,
) {
  return {
    currency: t.currency,
    requests: t.requests,
    requestedMinor: t.requestedMinor,
    waitingMinor: t.waitingMinor,
    approvedMinor: t.approvedMinor,
    spentMinor: t.spentMinor,
  };
}

/** Totals of one group in one currency, with readable amounts. */
export function presentTotals(t: GroupTotals) {
  return {
    group: { slug: t.groupSlug, name: t.groupName },
    ...totalsAmounts(t),
    requestedText: formatMoney(t.requestedMinor, t.currency),
    waitingText: formatMoney(t.waitingMinor, t.currency),
    approvedText: formatMoney(t.approvedMinor, t.currency),
    spentText: formatMoney(t.spentMinor, t.currency),
  };
}
/** Presented totals. */
export type TotalsView = ReturnType<typeof presentTotals>;

/** The CSV columns of the funding export (one row per request). */
export const FUNDING_CSV_COLUMNS = [
  "id",
  "group",
  "purpose",
  "description",
  "currency",
  "requested",
  "state",
  "approved",
  "spent",
  "starts_on",
  "ends_on",
  "requested_by",
  "requested_at",
  "decided_at",
] as const;

/** One request as a CSV row (amounts in major units, as decimals). */
export function fundingCsvRow(r: FundingRecord) {
  return {
    id: r.id,
    group: r.groupSlug,
    purpose: r.purpose,
    description: r.description,
    currency: r.currency,
    requested: majorUnits(r.amountMinor, r.currency),
    state: r.state,
    approved: r.approvedMinor === null ? "" : majorUnits(r.approvedMinor, r.currency),
    spent: majorUnits(r.spentMinor, r.currency),
    starts_on: r.startsOn,
    ends_on: r.endsOn,
    requested_by: r.requestedByName ?? "",
    requested_at: r.createdAt.toISOString(),
    decided_at: r.decidedAt?.toISOString() ?? "",
  };
}
