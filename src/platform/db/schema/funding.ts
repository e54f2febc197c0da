import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import {
  columnOneOf,
  createdAtColumn,
  day,
  idColumn,
  ownedBy,
  refersTo,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { votes } from "./decisions.ts";
import { groups, people } from "./governance.ts";

/** What a group asks money for (the closed set of purposes). */
export const FUNDING_PURPOSES = ["experts", "tools", "events", "other"] as const;
/** A funding request's states: requested (waiting for the Board), approved, rejected, withdrawn. */
export const FUNDING_STATES = ["requested", "approved", "rejected", "withdrawn"] as const;

/**
 * A group's request for money: what for, how much in which currency (integer minor units: cents),
 * for which period. The Board decides it by a vote whose subject is the request.
 */
export const fundingRequests = pgTable(
  "funding_requests",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    requestedByUserId: refersTo("requested_by_user_id", () => users.id),
    requestedByPersonId: refersTo("requested_by_person_id", () => people.id),
    purpose: text("purpose", { enum: FUNDING_PURPOSES }).notNull(),
    description: text("description").notNull(),
    /** The amount asked, in the currency's minor units (cents for EUR and USD, yen for JPY). */
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    /** ISO 4217 code, upper case. */
    currency: text("currency").notNull(),
    startsOn: day("starts_on").notNull(),
    endsOn: day("ends_on").notNull(),
    state: text("state", { enum: FUNDING_STATES }).notNull(),
    /** The amount the Board's open or last vote approves if it passes (minor units): the requested amount unless the Board said otherwise. */
    voteAmountMinor: bigint("vote_amount_minor", { mode: "number" }),
    /** The amount the Board approved (minor units); null until approved. */
    approvedMinor: bigint("approved_minor", { mode: "number" }),
    decidedAt: timestamptz("decided_at"),
    voteId: refersTo("vote_id", () => votes.id),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("funding_requests_group").on(t.groupId, t.createdAt),
    index("funding_requests_state").on(t.state),
    check("funding_requests_purpose", columnOneOf(t.purpose, FUNDING_PURPOSES)),
    check("funding_requests_state", columnOneOf(t.state, FUNDING_STATES)),
    check("funding_requests_amount", sql`${t.amountMinor} > 0`),
    check("funding_requests_vote_amount", sql`${t.voteAmountMinor} is null or ${t.voteAmountMinor} > 0`),
    check("funding_requests_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("funding_requests_period", sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      "funding_requests_approved",
      sql`(${t.state} = 'approved') = (${t.approvedMinor} is not null) and (${t.approvedMinor} is null or ${t.approvedMinor} > 0)`,
    ),
  ],
);

/** Money spent against an approved request, with a link to the receipt. */
export const fundingSpending = pgTable(
  "funding_spending",
  {
    id: idColumn(),
    requestId: ownedBy("request_id", () => fundingRequests.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    spentOn: day("spent_on").notNull(),
    description: text("description").notNull(),
    receiptUrl: text("receipt_url").notNull(),
    recordedByUserId: refersTo("recorded_by_user_id", () => users.id),
    recordedByPersonId: refersTo("recorded_by_person_id", () => people.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("funding_spending_request").on(t.requestId, t.spentOn),
    check("funding_spending_amount", sql`${t.amountMinor} > 0`),
    check("funding_spending_receipt", sql`${t.receiptUrl} ~ '^https?://'`),
  ],
);

export type FundingRequestRow = typeof fundingRequests.$inferSelect;
export type FundingSpendingRow = typeof fundingSpending.$inferSelect;
