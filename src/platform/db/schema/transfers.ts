import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { day, idColumn, ownedBy, refersTo, timestamptz } from "./columns.ts";
import { packageColumn } from "./ecosystem-packages.ts";

/** A volunteer familiar with ownership transfers, and how many open transfers they can take at once. */
export const roadies = pgTable(
  "roadies",
  {
    id: idColumn(),
    userId: ownedBy("user_id", () => users.id),
    /** Open transfers they can work on at once. */
    capacity: integer("capacity").notNull(),
    /** What they know (Django Commons, Wagtail Nest, PyPI organisations...). */
    note: text("note").notNull().default(""),
    joinedAt: timestamptz("joined_at").notNull(),
  },
  (t) => [
    uniqueIndex("roadies_user").on(t.userId),
    check("roadies_capacity", sql`${t.capacity} between 1 and 10`),
  ],
);

/** An ownership transfer of a package, worked through a checklist with a roadie. */
export const transfers = pgTable(
  "transfers",
  {
    id: idColumn(),
    packageName: packageColumn("package_name"),
    /** Who hands it over: a person, Jazzband (closing) or another organisation. */
    fromKind: text("from_kind").notNull(),
    fromName: text("from_name").notNull(),
    /** Who takes it: a person, Django Commons, Wagtail Nest or another organisation. */
    toKind: text("to_kind").notNull(),
    toName: text("to_name").notNull(),
    /** PyPI users who should be owners afterwards (checked on each sync). */
    addPypiOwners: text("add_pypi_owners").array().notNull().default(sql`'{}'::text[]`),
    /** PyPI users who should no longer be owners afterwards (checked on each sync). */
    removePypiOwners: text("remove_pypi_owners").array().notNull().default(sql`'{}'::text[]`),
    roadieUserId: refersTo("roadie_user_id", () => users.id),
    state: text("state").notNull().default("open"),
    createdByUserId: refersTo("created_by_user_id", () => users.id),
    createdByName: text("created_by_name").notNull(),
    openedAt: timestamptz("opened_at").notNull(),
    closedAt: timestamptz("closed_at"),
  },
  (t) => [
    uniqueIndex("transfers_one_open").on(t.packageName).where(sql`${t.state} = 'open'`),
    index("transfers_roadie").on(t.roadieUserId, t.state),
    check("transfers_state", sql`${t.state} in ('open', 'done', 'cancelled')`),
    check("transfers_from_kind", sql`${t.fromKind} in ('person', 'jazzband', 'organisation')`),
    check(
      "transfers_to_kind",
      sql`${t.toKind} in ('person', 'django-commons', 'wagtail-nest', 'organisation')`,
    ),
    check("transfers_closed", sql`(${t.state} = 'open') = (${t.closedAt} is null)`),
  ],
);

/** One step of a transfer's checklist: who does it and where it stands. */
export const transferSteps = pgTable(
  "transfer_steps",
  {
    transferId: ownedBy("transfer_id", () => transfers.id),
    step: text("step").notNull(),
    /** Who does it: the one handing over, the one taking over, or the roadie. */
    owner: text("owner").notNull(),
    state: text("state").notNull().default("to-do"),
    note: text("note").notNull().default(""),
    updatedByName: text("updated_by_name"),
    updatedAt: timestamptz("updated_at"),
  },
  (t) => [
    primaryKey({ columns: [t.transferId, t.step] }),
    check(
      "transfer_steps_step",
      sql`${t.step} in ('pypi-roles', 'repository', 'documentation', 'ci-secrets', 'readme-badges', 'announcement')`,
    ),
    check("transfer_steps_owner", sql`${t.owner} in ('from', 'to', 'roadie')`),
    check("transfer_steps_state", sql`${t.state} in ('to-do', 'in-progress', 'done', 'not-needed')`),
  ],
);

/** One attempt to reach a package's owners under PEP 541 (unreachable maintainers). */
export const contactAttempts = pgTable(
  "contact_attempts",
  {
    id: idColumn(),
    packageName: packageColumn("package_name"),
    attemptedOn: day("attempted_on").notNull(),
    channel: text("channel").notNull(),
    /** Where it went (an address, an issue link). */
    detail: text("detail").notNull().default(""),
    outcome: text("outcome").notNull(),
    byUserId: refersTo("by_user_id", () => users.id),
    byName: text("by_name").notNull(),
    recordedAt: timestamptz("recorded_at").notNull(),
  },
  (t) => [
    index("contact_attempts_package").on(t.packageName, t.attemptedOn),
    check("contact_attempts_channel", sql`${t.channel} in ('email', 'issue', 'social', 'chat', 'other')`),
    check("contact_attempts_outcome", sql`${t.outcome} in ('no-reply', 'bounced', 'replied')`),
  ],
);

/** A maintainer's subscription to a package's reminders at each upcoming Django series' milestones. */
export const trackerSubscriptions = pgTable(
  "tracker_subscriptions",
  {
    userId: ownedBy("user_id", () => users.id),
    packageName: packageColumn("package_name"),
    subscribedAt: timestamptz("subscribed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.packageName] }),
    index("tracker_subscriptions_package").on(t.packageName),
  ],
);

/** The discussion channel of a Django series' compatibility work, set by the Package Maintainers group. */
export const seriesChannels = pgTable("series_channels", {
  series: text("series").primaryKey(),
  url: text("url").notNull(),
  setByUserId: refersTo("set_by_user_id", () => users.id),
  setByName: text("set_by_name").notNull(),
  setAt: timestamptz("set_at").notNull(),
});
