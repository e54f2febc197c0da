/** The queries of reporting: groups and their schedules, reports, the sweep's events, the Board's decisions. */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import { anyOf, type Db, type Tx } from "../../platform/db/index.ts";
import {
  groupReports,
  groups,
  people,
  reportDecisions,
  reportEvents,
  reportTracking,
  rolePeriods,
  votes,
} from "../../platform/db/schema.ts";
import type { Cadence } from "../charter/types.ts";
import { heldRoles } from "../decisions/decisions.repo.ts";
import type { BoardDecision, ReportEventKind } from "./schedule.ts";

/** A database or a transaction. */
export type DbOrTx = Db | Tx;

/** A group as reporting sees it. */
export interface ReportGroup {
  id: number;
  slug: string;
  name: string;
  status: string;
  reportingCadence: Cadence | null;
  tracking: { cadence: string; trackedFrom: string } | null;
}

/** Groups (one by slug, or all), by slug, with their reporting cadence and tracking. */
export async function selectReportGroups(db: DbOrTx, slug?: string): Promise<ReportGroup[]> {
  const rows = await db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      status: groups.status,
      cadence: sql<Cadence | null>`${groups.charter}->>'reportingCadence'`,
      trackedCadence: reportTracking.cadence,
      trackedFrom: reportTracking.trackedFrom,
    })
    .from(groups)
    .leftJoin(reportTracking, eq(reportTracking.groupId, groups.id))
    .where(slug === undefined ? undefined : eq(groups.slug, slug))
    .orderBy(asc(groups.slug));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    status: r.status,
    reportingCadence: r.cadence,
    tracking:
      r.trackedCadence !== null && r.trackedFrom !== null
        ? { cadence: r.trackedCadence, trackedFrom: r.trackedFrom }
        : null,
  }));
}

/** Records that a group's reports are tracked from `day` at `cadence` (a new cadence starts afresh). */
export async function upsertTracking(
  tx: DbOrTx,
  row: { groupId: number; cadence: Cadence; day: string; now: Date },
): Promise<void> {
  await tx
    .insert(reportTracking)
    .values({ groupId: row.groupId, cadence: row.cadence, trackedFrom: row.day, updatedAt: row.now })
    .onConflictDoUpdate({
      target: reportTracking.groupId,
      set: { cadence: row.cadence, trackedFrom: row.day, updatedAt: row.now },
      where: sql`${reportTracking.cadence} <> ${row.cadence}`,
    });
}

/** Per group: the day each period's report was submitted, and the Board's decisions. */
export async function selectFacts(
  db: DbOrTx,
  groupIds: readonly number[],
): Promise<Map<number, { submitted: Map<string, string>; decisions: BoardDecision[] }>> {
  const out = new Map<number, { submitted: Map<string, string>; decisions: BoardDecision[] }>();
  for (const id of groupIds) out.set(id, { submitted: new Map(), decisions: [] });
  if (groupIds.length === 0) return out;
  const reports = await db
    .select({ groupId: groupReports.groupId, start: groupReports.periodStart, at: groupReports.submittedAt })
    .from(groupReports)
    .where(anyOf(groupReports.groupId, groupIds));
  for (const r of reports) out.get(r.groupId)?.submitted.set(r.start, r.at.toISOString().slice(0, 10));
  const decisions = await db
    .select()
    .from(reportDecisions)
    .where(anyOf(reportDecisions.groupId, groupIds))
    .orderBy(asc(reportDecisions.decidedOn), asc(reportDecisions.id));
  for (const d of decisions) {
    out.get(d.groupId)?.decisions.push({
      kind: d.kind === "shutdown" ? "shutdown" : "exception",
      decidedOn: d.decidedOn,
      endsOn: d.endsOn,
    });
  }
  return out;
}

/** Records events; returns those this call recorded (others were recorded before). */
export async function insertEvents(
  tx: DbOrTx,
  rows: ReadonlyArray<{ groupId: number; periodStart: string; kind: ReportEventKind; dueOn: string }>,
  now: Date,
): Promise<Array<{ id: number; groupId: number; periodStart: string; kind: string; dueOn: string }>> {
  if (rows.length === 0) return [];
  return tx
    .insert(reportEvents)
    .values(rows.map((r) => ({ ...r, recordedAt: now })))
    .onConflictDoNothing()
    .returning({
      id: reportEvents.id,
      groupId: reportEvents.groupId,
      periodStart: reportEvents.periodStart,
      kind: reportEvents.kind,
      dueOn: reportEvents.dueOn,
    });
}

/** Sets how many notifications an event wrote. */
export async function setNotified(tx: DbOrTx, id: number, notified: number): Promise<void> {
  await tx.update(reportEvents).set({ notified }).where(eq(reportEvents.id, id));
}

/** Every recorded event (of one group, or all), oldest first. */
export async function selectEvents(db: DbOrTx, groupId?: number) {
  return db
    .select()
    .from(reportEvents)
    .where(groupId === undefined ? undefined : eq(reportEvents.groupId, groupId))
    .orderBy(asc(reportEvents.dueOn), asc(reportEvents.id));
}

/**
 * Who is reminded to report: the group's Chair and Co-Chair on `day`; the Board Liaison when the
 * group has neither. Person ids, once each.
 */
export async function reportRecipients(db: DbOrTx, groupId: number, day: string): Promise<number[]> {
  const held = await heldRoles(db, groupId, day);
  const chairs = held.filter((r) => r.role === "chair" || r.role === "co-chair").map((r) => r.personId);
  const chosen = chairs.length
    ? chairs
    : held.filter((r) => r.role === "board-liaison").map((r) => r.personId);
  return [...new Set(chosen)];
}

/** A stored report with its group. */
export type ReportRow = typeof groupReports.$inferSelect & {
  group: { slug: string; name: string };
  submittedBy: string | null;
};

const reportColumns = {
  report: groupReports,
  slug: groups.slug,
  name: groups.name,
  submittedBy: people.name,
};

const toRow = (r: {
  report: typeof groupReports.$inferSelect;
  slug: string;
  name: string;
  submittedBy: string | null;
}): ReportRow => ({ ...r.report, group: { slug: r.slug, name: r.name }, submittedBy: r.submittedBy });

/** One report by id, or undefined. */
export async function selectReport(db: DbOrTx, id: number): Promise<ReportRow | undefined> {
  const [row] = await db
    .select(reportColumns)
    .from(groupReports)
    .innerJoin(groups, eq(groups.id, groupReports.groupId))
    .leftJoin(people, eq(people.id, groupReports.submittedByPersonId))
    .where(eq(groupReports.id, id));
  return row ? toRow(row) : undefined;
}

/**
 * Reports newest first: of one group or all, public ones plus the Board-only ones of the groups
 * in `boardOnlyOf` (`"all"`: every group's).
 */
export async function selectReports(
  db: DbOrTx,
  filter: { groupId?: number; boardOnlyOf: readonly number[] | "all"; limit?: number },
): Promise<ReportRow[]> {
  const visible =
    filter.boardOnlyOf === "all"
      ? undefined
      : filter.boardOnlyOf.length
        ? or(eq(groupReports.visibility, "public"), inArray(groupReports.groupId, [...filter.boardOnlyOf]))
        : eq(groupReports.visibility, "public");
  const rows = await db
    .select(reportColumns)
    .from(groupReports)
    .innerJoin(groups, eq(groups.id, groupReports.groupId))
    .leftJoin(people, eq(people.id, groupReports.submittedByPersonId))
    .where(and(filter.groupId === undefined ? undefined : eq(groupReports.groupId, filter.groupId), visible))
    .orderBy(desc(groupReports.submittedAt), desc(groupReports.id))
    .limit(filter.limit ?? 1000);
  return rows.map(toRow);
}

/** Reports submitted from day `since` to day `day` (both whole), with their group's name, newest first. */
export async function selectReportsReceived(db: DbOrTx, since: string, day: string) {
  return db
    .select({
      id: groupReports.id,
      name: groups.name,
      periodStart: groupReports.periodStart,
      periodEnd: groupReports.periodEnd,
      visibility: groupReports.visibility,
      submittedAt: groupReports.submittedAt,
    })
    .from(groupReports)
    .innerJoin(groups, eq(groups.id, groupReports.groupId))
    .where(
      and(
        gte(groupReports.submittedAt, new Date(`${since}T00:00:00Z`)),
        lte(groupReports.submittedAt, new Date(`${day}T23:59:59.999Z`)),
      ),
    )
    .orderBy(desc(groupReports.submittedAt), desc(groupReports.id));
}

/** Inserts a report; the one-per-period constraint refuses a second (a conflict). */
export async function insertReport(tx: DbOrTx, row: typeof groupReports.$inferInsert): Promise<number> {
  const [saved] = await tx.insert(groupReports).values(row).returning({ id: groupReports.id });
  if (!saved) throw new Error("report not saved");
  return saved.id;
}

/** Inserts a Board decision about reporting. */
export async function insertDecision(tx: DbOrTx, row: typeof reportDecisions.$inferInsert) {
  const [saved] = await tx.insert(reportDecisions).values(row).returning();
  if (!saved) throw new Error("decision not saved");
  return saved;
}

/** The Board's decisions about a group, newest first. */
export async function selectDecisions(db: DbOrTx, groupId: number) {
  return db
    .select()
    .from(reportDecisions)
    .where(eq(reportDecisions.groupId, groupId))
    .orderBy(desc(reportDecisions.decidedOn), desc(reportDecisions.id));
}

/** The condition for a group's votes closed between two instants, both included. */
export function votesClosedBetween(groupId: number, from: Date, to: Date) {
  return and(
    eq(votes.groupId, groupId),
    eq(votes.status, "closed"),
    isNotNull(votes.closedAt),
    gte(votes.closedAt, from),
    lte(votes.closedAt, to),
  );
}

/** A group's role periods that started or ended between two days (both included), with the holder's name, by start. */
export async function selectPeriodsChangedBetween(db: DbOrTx, groupId: number, first: string, last: string) {
  return db
    .select({
      name: people.name,
      role: rolePeriods.role,
      startedOn: rolePeriods.startedOn,
      endedOn: rolePeriods.endedOn,
      termEndsOn: rolePeriods.termEndsOn,
      reason: rolePeriods.reason,
    })
    .from(rolePeriods)
    .innerJoin(people, eq(people.id, rolePeriods.personId))
    .where(
      and(
        eq(rolePeriods.groupId, groupId),
        or(
          and(gte(rolePeriods.startedOn, first), lte(rolePeriods.startedOn, last)),
          and(gte(rolePeriods.endedOn, first), lte(rolePeriods.endedOn, last)),
        ),
      ),
    )
    .orderBy(asc(rolePeriods.startedOn));
}

/** What a group did in a period that exists in Guildhall today: votes closed, people joining and leaving. */
export async function selectActivity(db: DbOrTx, groupId: number, start: string, end: string) {
  const from = new Date(`${start}T00:00:00Z`);
  const to = new Date(`${end}T23:59:59.999Z`);
  const closed = await db
    .select({ title: votes.title, kind: votes.kind, outcome: votes.outcome, secrecy: votes.secrecy })
    .from(votes)
    .where(votesClosedBetween(groupId, from, to))
    .orderBy(asc(votes.closedAt));
  const opened = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(votes)
    .where(and(eq(votes.groupId, groupId), gte(votes.openedAt, from), lte(votes.openedAt, to)));
  const periods = await selectPeriodsChangedBetween(db, groupId, start, end);
  const inPeriod = (d: string | null) => d !== null && d >= start && d <= end;
  return {
    votesOpened: opened[0]?.n ?? 0,
    votesClosed: closed.map((v) => ({
      title: v.title,
      kind: v.kind,
      outcome: v.outcome,
      secret: v.secrecy === "secret",
    })),
    joined: periods
      .filter((p) => inPeriod(p.startedOn) && p.reason !== "named in the charter")
      .map((p) => ({ name: p.name, role: p.role })),
    left: periods.filter((p) => inPeriod(p.endedOn)).map((p) => ({ name: p.name, role: p.role })),
  };
}
