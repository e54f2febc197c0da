/** The queries of a group's annual report: one year's reports, meetings, votes, role periods, requests and sweep events. */
import { and, asc, eq, gte, inArray, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../platform/db/index.ts";
import {
  groupReports,
  groupRequests,
  groups,
  meetings,
  people,
  reportEvents,
  votes,
} from "../../platform/db/schema.ts";
import { type AnnualRecords, yearBounds } from "./annual-report.ts";
import { selectPeriodsChangedBetween, votesClosedBetween } from "./reports.repo.ts";

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Everything the annual report of `group` for `year` is built from (public and private alike). */
export async function selectAnnualRecords(
  db: Db | Tx,
  group: { id: number; slug: string; name: string; status: string },
  year: number,
): Promise<AnnualRecords> {
  const { from, to } = yearBounds(year);
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T23:59:59.999Z`);

  const reports = await db
    .select({
      id: groupReports.id,
      periodStart: groupReports.periodStart,
      periodEnd: groupReports.periodEnd,
      visibility: groupReports.visibility,
      highlights: groupReports.highlights,
      submittedAt: groupReports.submittedAt,
    })
    .from(groupReports)
    .where(
      and(
        eq(groupReports.groupId, group.id),
        gte(groupReports.submittedAt, start),
        lte(groupReports.submittedAt, end),
      ),
    )
    .orderBy(asc(groupReports.submittedAt));

  const meetingRows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      publicNotes: meetings.publicNotes,
      notesPublishedAt: meetings.notesPublishedAt,
      privateNotes: meetings.privateNotes,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.groupId, group.id),
        eq(meetings.status, "scheduled"),
        gte(meetings.startsAt, start),
        lte(meetings.startsAt, end),
      ),
    )
    .orderBy(asc(meetings.startsAt));

  const voteRows = await db
    .select({
      id: votes.id,
      title: votes.title,
      outcome: votes.outcome,
      secrecy: votes.secrecy,
      yes: votes.yes,
      no: votes.no,
      abstain: votes.abstain,
      closedAt: votes.closedAt,
    })
    .from(votes)
    .where(votesClosedBetween(group.id, start, end))
    .orderBy(asc(votes.closedAt));

  const periods = await selectPeriodsChangedBetween(db, group.id, from, to);

  // Requests the group asked or was asked, public ones only: a private request is seen by its two
  // sides alone, which an annual report for the group's readers cannot respect line by line.
  const fromGroup = alias(groups, "from_group");
  const toGroup = alias(groups, "to_group");
  const toPerson = alias(people, "to_person");
  const requestRows = await db
    .select({
      id: groupRequests.id,
      title: groupRequests.title,
      fromGroupId: groupRequests.fromGroupId,
      fromName: fromGroup.name,
      targetKind: groupRequests.targetKind,
      toGroupName: toGroup.name,
      toPersonName: toPerson.name,
      outcome: groupRequests.outcome,
      answeredAt: groupRequests.answeredAt,
    })
    .from(groupRequests)
    .innerJoin(fromGroup, eq(fromGroup.id, groupRequests.fromGroupId))
    .leftJoin(toGroup, eq(toGroup.id, groupRequests.targetGroupId))
    .leftJoin(toPerson, eq(toPerson.id, groupRequests.targetPersonId))
    .where(
      and(
        or(eq(groupRequests.fromGroupId, group.id), eq(groupRequests.targetGroupId, group.id)),
        eq(groupRequests.visibility, "public"),
        eq(groupRequests.state, "answered"),
        gte(groupRequests.answeredAt, start),
        lte(groupRequests.answeredAt, end),
      ),
    )
    .orderBy(asc(groupRequests.answeredAt));

  const events = await db
    .select({ kind: reportEvents.kind, periodStart: reportEvents.periodStart, dueOn: reportEvents.dueOn })
    .from(reportEvents)
    .where(
      and(
        eq(reportEvents.groupId, group.id),
        inArray(reportEvents.kind, ["missed", "defunct"]),
        gte(reportEvents.dueOn, from),
        lte(reportEvents.dueOn, to),
      ),
    )
    .orderBy(asc(reportEvents.dueOn));

  const targetName = (r: (typeof requestRows)[number]) =>
    r.targetKind === "board"
      ? "the Board"
      : r.targetKind === "steering-council"
        ? "the Steering Council"
        : (r.toGroupName ?? r.toPersonName ?? "someone");

  return {
    group: { slug: group.slug, name: group.name, status: group.status },
    year,
    reports: reports.map((r) => ({
      id: r.id,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      visibility: r.visibility,
      highlights: r.highlights,
      submittedOn: dayOf(r.submittedAt),
    })),
    meetings: meetingRows.map((m) => ({
      id: m.id,
      title: m.title,
      heldOn: dayOf(m.startsAt),
      publicNotes: m.notesPublishedAt !== null && (m.publicNotes ?? "").trim() !== "",
      privateNotes: (m.privateNotes ?? "").trim() !== "",
    })),
    votes: voteRows.map((v) => ({
      id: v.id,
      title: v.title,
      outcome: v.outcome,
      secret: v.secrecy === "secret",
      yes: v.yes,
      no: v.no,
      abstain: v.abstain,
      closedOn: dayOf(v.closedAt ?? start),
    })),
    rolePeriods: periods,
    requests: requestRows.map((r) => ({
      id: r.id,
      title: r.title,
      direction: r.fromGroupId === group.id ? ("from" as const) : ("to" as const),
      other: r.fromGroupId === group.id ? targetName(r) : r.fromName,
      outcome: r.outcome,
      answeredOn: dayOf(r.answeredAt ?? start),
    })),
    events,
  };
}

/** A group by slug (id, name, status), or undefined. */
export async function selectAnnualGroup(db: Db | Tx, slug: string) {
  const [row] = await db
    .select({ id: groups.id, slug: groups.slug, name: groups.name, status: groups.status })
    .from(groups)
    .where(eq(groups.slug, slug));
  return row;
}
