/** Queries of calls for maintainers, volunteers' offers and who maintains a package. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { appendAudit } from "../../kernel/index.ts";
import type { Db, Tx } from "../../platform/db/client.ts";
import {
  groups,
  maintainerCalls,
  maintainerOffers,
  packageSnapshots,
  packages,
  users,
} from "../../platform/db/schema.ts";

type DbOrTx = Db | Tx;

/** The slug of the group that looks after packages. */
export const STEWARD_GROUP_SLUG = "package-maintainers";

/** The facts of a package that decide who maintains it. */
export async function findMaintainedPackage(db: DbOrTx, name: string) {
  const [row] = await db
    .select({
      name: packages.name,
      displayName: packages.displayName,
      projectUrls: packages.projectUrls,
      ownership: packages.ownership,
      source: packages.source,
      syncedAt: packages.syncedAt,
    })
    .from(packages)
    .where(eq(packages.name, name))
    .limit(1);
  return row;
}

/** Enabled accounts whose GitHub login is `login` (case-insensitive). */
export async function accountsWithGithubLogin(db: DbOrTx, login: string) {
  return db
    .select({ userId: users.id, githubLogin: users.githubLogin })
    .from(users)
    .where(and(sql`lower(${users.githubLogin}) = ${login.toLowerCase()}`, sql`${users.disabledAt} is null`));
}

/** Accepted offers on any call of the package, with the volunteer's name. */
export async function acceptedOffersOf(db: DbOrTx, name: string) {
  return db
    .select({
      offerId: maintainerOffers.id,
      callId: maintainerOffers.callId,
      userId: maintainerOffers.userId,
      userName: users.name,
      pypiUser: maintainerOffers.pypiUser,
      acceptedAt: maintainerOffers.acceptedAt,
    })
    .from(maintainerOffers)
    .innerJoin(maintainerCalls, eq(maintainerCalls.id, maintainerOffers.callId))
    .innerJoin(users, eq(users.id, maintainerOffers.userId))
    .where(and(eq(maintainerCalls.packageName, name), eq(maintainerOffers.state, "accepted")))
    .orderBy(asc(maintainerOffers.acceptedAt));
}

/** The Package Maintainers group's id (null when its charter is not imported). */
export async function stewardGroupId(db: DbOrTx): Promise<number | null> {
  const [row] = await db.select({ id: groups.id }).from(groups).where(eq(groups.slug, STEWARD_GROUP_SLUG));
  return row?.id ?? null;
}

/** Inserts a call. */
export async function insertCall(db: DbOrTx, row: typeof maintainerCalls.$inferInsert) {
  const [inserted] = await db.insert(maintainerCalls).values(row).returning();
  if (!inserted) throw new Error("call was not inserted");
  return inserted;
}

/** One call. */
export async function findCall(db: DbOrTx, id: number) {
  const [row] = await db.select().from(maintainerCalls).where(eq(maintainerCalls.id, id));
  return row;
}

/** Closes an open call (filled or withdrawn); returns the row, or undefined when it was not open. */
export async function closeCall(db: DbOrTx, id: number, state: "filled" | "withdrawn", at: Date) {
  const [row] = await db
    .update(maintainerCalls)
    .set({ state, closedAt: at })
    .where(and(eq(maintainerCalls.id, id), eq(maintainerCalls.state, "open")))
    .returning();
  return row;
}

/** Inserts an offer. */
export async function insertOffer(db: DbOrTx, row: typeof maintainerOffers.$inferInsert) {
  const [inserted] = await db.insert(maintainerOffers).values(row).returning();
  if (!inserted) throw new Error("offer was not inserted");
  return inserted;
}

/** One offer. */
export async function findOffer(db: DbOrTx, id: number) {
  const [row] = await db.select().from(maintainerOffers).where(eq(maintainerOffers.id, id));
  return row;
}

/** Marks an offer accepted; undefined when it was already. */
export async function acceptOfferRow(db: DbOrTx, id: number, by: number, at: Date) {
  const [row] = await db
    .update(maintainerOffers)
    .set({ state: "accepted", acceptedAt: at, acceptedByUserId: by })
    .where(and(eq(maintainerOffers.id, id), eq(maintainerOffers.state, "offered")))
    .returning();
  return row;
}

/** Calls of one package, newest first. */
export async function callsOfPackage(db: DbOrTx, name: string) {
  return db
    .select()
    .from(maintainerCalls)
    .where(eq(maintainerCalls.packageName, name))
    .orderBy(desc(maintainerCalls.openedAt), desc(maintainerCalls.id));
}

/** Offers on the given calls, with the volunteer's name, oldest first. */
export async function offersOfCalls(db: DbOrTx, callIds: number[]) {
  if (callIds.length === 0) return [];
  return db
    .select({
      id: maintainerOffers.id,
      callId: maintainerOffers.callId,
      userId: maintainerOffers.userId,
      userName: users.name,
      pypiUser: maintainerOffers.pypiUser,
      message: maintainerOffers.message,
      state: maintainerOffers.state,
      offeredAt: maintainerOffers.offeredAt,
      acceptedAt: maintainerOffers.acceptedAt,
    })
    .from(maintainerOffers)
    .innerJoin(users, eq(users.id, maintainerOffers.userId))
    .where(inArray(maintainerOffers.callId, callIds))
    .orderBy(asc(maintainerOffers.offeredAt), asc(maintainerOffers.id));
}

/** Open calls with their package's name, rank and latest release, newest first. */
export async function openCalls(db: DbOrTx) {
  return db
    .select({
      id: maintainerCalls.id,
      packageName: maintainerCalls.packageName,
      displayName: packages.displayName,
      downloadRank: packages.downloadRank,
      help: maintainerCalls.help,
      skills: maintainerCalls.skills,
      hoursPerWeek: maintainerCalls.hoursPerWeek,
      suitsMentee: maintainerCalls.suitsMentee,
      createdByName: maintainerCalls.createdByName,
      createdAs: maintainerCalls.createdAs,
      openedAt: maintainerCalls.openedAt,
      offers: sql<number>`(select count(*)::int from ${maintainerOffers} o where o.call_id = ${maintainerCalls.id})`,
    })
    .from(maintainerCalls)
    .innerJoin(packages, eq(packages.name, maintainerCalls.packageName))
    .where(eq(maintainerCalls.state, "open"))
    .orderBy(desc(maintainerCalls.openedAt), desc(maintainerCalls.id));
}

/** Which of the named packages have an open call. */
export async function namesWithOpenCalls(db: DbOrTx, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const out = new Set<string>();
  for (let i = 0; i < names.length; i += 5000) {
    const rows = await db
      .select({ name: maintainerCalls.packageName })
      .from(maintainerCalls)
      .where(
        and(
          eq(maintainerCalls.state, "open"),
          inArray(maintainerCalls.packageName, names.slice(i, i + 5000)),
        ),
      );
    for (const r of rows) out.add(r.name);
  }
  return out;
}

/** The SQL condition "the package has an open call" (for the catalogue's filter). */
export const hasOpenCallCondition = sql`exists (select 1 from ${maintainerCalls} mc where mc.package_name = ${packages.name} and mc.state = 'open')`;

/** Every catalogued package's facts for the dormancy rules, with its snapshot's month. */
export async function dormancyFacts(db: Db) {
  return db
    .select({
      name: packages.name,
      displayName: packages.displayName,
      downloadRank: packages.downloadRank,
      source: packages.source,
      latestReleaseAt: packages.latestReleaseAt,
      syncedAt: packages.syncedAt,
      snapshotAsOf: packageSnapshots.asOf,
    })
    .from(packages)
    .leftJoin(packageSnapshots, eq(packageSnapshots.id, packages.snapshotId))
    .where(sql`${packages.delistedAt} is null and ${packages.name} <> 'django'`);
}

/**
 * Appends an audit entry through the kernel's audit log (append-only), by an account or the command
 * line (no account), labelled `user:<id> (<name>)` or `user:cli (<name>)`.
 */
export async function audit(
  db: DbOrTx,
  entry: {
    by: { userId: number | null; name: string };
    at: Date;
    action: string;
    subjectType: string;
    subjectId: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await appendAudit(db, {
    by: { userId: entry.by.userId, label: `user:${entry.by.userId ?? "cli"} (${entry.by.name})` },
    at: entry.at,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: entry.before,
    after: entry.after,
  });
}
