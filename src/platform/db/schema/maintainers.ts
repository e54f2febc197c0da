import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { idColumn, ownedBy, refersTo, timestamptz } from "./columns.ts";
import { packageColumn } from "./ecosystem-packages.ts";

/** Where a call for maintainers stands. */
export const maintainerCallState = pgEnum("maintainer_call_state", ["open", "filled", "withdrawn"]);

/** A call for new maintainers on a package, made by one of its maintainers or the Package Maintainers group. */
export const maintainerCalls = pgTable(
  "maintainer_calls",
  {
    id: idColumn(),
    packageName: packageColumn("package_name"),
    /** What help is needed. */
    help: text("help").notNull(),
    /** Skills that would help. */
    skills: text("skills").notNull(),
    /** Hours a week the work is expected to take. */
    hoursPerWeek: integer("hours_per_week").notNull(),
    /** The work suits a mentee (shown with mentoring programme links). */
    suitsMentee: boolean("suits_mentee").notNull().default(false),
    state: maintainerCallState("state").notNull().default("open"),
    createdByUserId: refersTo("created_by_user_id", () => users.id),
    /** Who made the call, readable without a join. */
    createdByName: text("created_by_name").notNull(),
    /** Why they may: "maintainer (repository owner)", "Package Maintainers group". */
    createdAs: text("created_as").notNull(),
    openedAt: timestamptz("opened_at").notNull(),
    /** When the call was filled or withdrawn (null while open). */
    closedAt: timestamptz("closed_at"),
  },
  (t) => [
    uniqueIndex("maintainer_calls_one_open").on(t.packageName).where(sql`${t.state} = 'open'`),
    index("maintainer_calls_state").on(t.state, t.openedAt),
    check("maintainer_calls_hours", sql`${t.hoursPerWeek} between 1 and 80`),
    check("maintainer_calls_closed", sql`(${t.state} = 'open') = (${t.closedAt} is null)`),
  ],
);

/** Where a volunteer's offer stands. */
export const maintainerOfferState = pgEnum("maintainer_offer_state", ["offered", "accepted"]);

/** A volunteer's offer to help on a call; the call's owner accepts it. */
export const maintainerOffers = pgTable(
  "maintainer_offers",
  {
    id: idColumn(),
    callId: ownedBy("call_id", () => maintainerCalls.id),
    userId: ownedBy("user_id", () => users.id),
    /** The volunteer's PyPI user name: once PyPI lists it as an owner, they are a co-maintainer. */
    pypiUser: text("pypi_user").notNull(),
    message: text("message").notNull().default(""),
    state: maintainerOfferState("state").notNull().default("offered"),
    offeredAt: timestamptz("offered_at").notNull(),
    acceptedAt: timestamptz("accepted_at"),
    acceptedByUserId: refersTo("accepted_by_user_id", () => users.id),
  },
  (t) => [
    uniqueIndex("maintainer_offers_once").on(t.callId, t.userId),
    check("maintainer_offers_accepted", sql`(${t.state} = 'accepted') = (${t.acceptedAt} is not null)`),
  ],
);

/** A status set by hand on the compatibility tracker ("ready" comes from metadata only). */
export const trackerStatus = pgEnum("tracker_status", ["in-progress", "not-started", "blocked"]);

/** A package's status for an upcoming Django series, set by its maintainers or the group (audited). */
export const trackerEntries = pgTable(
  "tracker_entries",
  {
    series: text("series").notNull(),
    packageName: packageColumn("package_name"),
    status: trackerStatus("status").notNull(),
    /** The pull request or issue of the work (required when in progress). */
    link: text("link"),
    /** What blocks it (required when blocked). */
    reason: text("reason"),
    setByUserId: refersTo("set_by_user_id", () => users.id),
    setByName: text("set_by_name").notNull(),
    setAt: timestamptz("set_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.series, t.packageName] }),
    check("tracker_entries_link", sql`${t.status} <> 'in-progress' or ${t.link} is not null`),
    check("tracker_entries_reason", sql`${t.status} <> 'blocked' or ${t.reason} is not null`),
  ],
);
