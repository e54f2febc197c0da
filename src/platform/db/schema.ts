/** The one database schema: every room's tables, re-exported for drizzle and drizzle-kit. */

export * from "./schema/accounts.ts";
export * from "./schema/applicant-people.ts";
export * from "./schema/board.ts";
export * from "./schema/closed-sets.ts";
export * from "./schema/decisions.ts";
export * from "./schema/ecosystem-health.ts";
export * from "./schema/ecosystem-packages.ts";
export * from "./schema/ecosystem-releases.ts";
export * from "./schema/funding.ts";
export * from "./schema/governance.ts";
export * from "./schema/lifecycle.ts";
export * from "./schema/maintainers.ts";
export * from "./schema/marketing.ts";
export * from "./schema/meetings.ts";
export * from "./schema/notifications.ts";
export * from "./schema/ownership.ts";
export * from "./schema/registry.ts";
export * from "./schema/reports.ts";
export * from "./schema/requests.ts";
export * from "./schema/transfers.ts";
