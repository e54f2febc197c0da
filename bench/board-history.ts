/**
 * Generates years of governance history for benchmarks: `groups` working groups (the test
 * factories' charters: a Chair, a Co-Chair, a Board Liaison and a member each, reporting monthly,
 * quarterly or twice a year), and for each of the `years` years before `today`: a meeting a month
 * (public notes on most), the reports of its periods (one in seven missed, one in five
 * Board-only), four closed votes, three people joining and one leaving or lapsing, plus monthly
 * Board meeting days. Rows go in with bulk inserts (the factories only for the groups), derived
 * from the indexes so every run makes the same history.
 */
import type { Database } from "../src/platform/db/index.ts";
import { schema } from "../src/platform/db/index.ts";
import { insertGroup } from "../test/factories/governance.ts";

/** What the generator made, for the benchmark's record. */
export interface GeneratedHistory {
  groups: number;
  years: number;
  slugs: string[];
  rows: Record<string, number>;
}

const CADENCES = [
  { cadence: "monthly", months: 1 },
  { cadence: "quarterly", months: 3 },
  { cadence: "twice-yearly", months: 6 },
] as const;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

async function insertChunked<T>(
  insert: (rows: T[]) => Promise<unknown>,
  rows: T[],
  size = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Inserts the history; `today` is the day the benchmark's clock stands on (YYYY-MM-DD). */
export async function generateBoardHistory(
  database: Database,
  options: { groups: number; years: number; today: string },
): Promise<GeneratedHistory> {
  const db = database.db;
  const thisYear = Number(options.today.slice(0, 4));
  // The `years` calendar years ending with this one; nothing is dated on or after today.
  const firstYear = thisYear - options.years + 1;
  const created = new Date(`${firstYear}-01-01T00:00:00Z`);
  const now = new Date(`${options.today}T00:00:00Z`);
  const slugs: string[] = [];
  const groupRows: Array<{
    id: number;
    slug: string;
    months: number;
    cadence: (typeof CADENCES)[number]["cadence"];
    people: number[];
  }> = [];
  for (let g = 0; g < options.groups; g++) {
    const { cadence, months } = CADENCES[g % CADENCES.length] ?? CADENCES[0];
    const slug = `history-${pad(Math.floor(g / 100))}${pad(g % 100)}`;
    const inserted = await insertGroup(db, {
      slug,
      charter: { reportingCadence: cadence, meetingCadence: "monthly", membershipModel: "direct" },
    });
    slugs.push(slug);
    groupRows.push({ id: inserted.id, slug, months, cadence, people: [...inserted.people.values()] });
  }

  // Newcomers: three a year per group, each with their own person row.
  const newcomers = await db
    .insert(schema.people)
    .values(
      Array.from({ length: options.groups * options.years * 3 }, (_, i) => ({
        slug: `history-newcomer-${i}`,
        name: `Newcomer ${i}`,
        createdAt: created,
      })),
    )
    .returning({ id: schema.people.id });

  const meetings: Array<typeof schema.meetings.$inferInsert> = [];
  const reports: Array<typeof schema.groupReports.$inferInsert> = [];
  const votes: Array<typeof schema.votes.$inferInsert> = [];
  const periods: Array<typeof schema.rolePeriods.$inferInsert> = [];
  const tracking: Array<typeof schema.reportTracking.$inferInsert> = [];
  let newcomer = 0;
  for (const [gi, g] of groupRows.entries()) {
    tracking.push({
      groupId: g.id,
      cadence: g.cadence,
      trackedFrom: `${firstYear}-01-01`,
      updatedAt: created,
    });
    for (let y = firstYear; y <= thisYear; y++) {
      for (let m = 1; m <= 12; m++) {
        const startsAt = new Date(`${y}-${pad(m)}-${pad(1 + (gi % 20))}T${pad(12 + (gi % 8))}:00:00Z`);
        if (startsAt >= now) continue;
        const notes = (gi + m) % 4 !== 0;
        meetings.push({
          groupId: g.id,
          uid: `history-${g.id}-${y}-${m}@bench`,
          title: `${g.slug} meeting ${y}-${pad(m)}`,
          startsAt,
          durationMinutes: 60,
          timeZone: "UTC",
          publicNotes: notes ? `Notes of ${y}-${pad(m)}: we discussed item ${(gi * m) % 17}.` : null,
          privateNotes: m % 3 === 0 ? "A private matter." : null,
          notesPublishedAt: notes ? new Date(startsAt.getTime() + 86_400_000) : null,
          createdAt: created,
          updatedAt: created,
        });
      }
      for (let m = 1; m <= 12; m += g.months) {
        const index = gi * 100 + y * 12 + m;
        if (index % 7 === 0) continue; // missed
        const endMonth = m + g.months - 1;
        const periodEnd = `${y}-${pad(endMonth)}-${pad(lastDay(y, endMonth))}`;
        const due = new Date(Date.UTC(y, endMonth, 14));
        if (due >= now) continue;
        reports.push({
          groupId: g.id,
          periodStart: `${y}-${pad(m)}-01`,
          periodEnd,
          cadence: g.cadence,
          visibility: index % 5 === 0 ? "board" : "public",
          highlights: ["Met as planned.", `Reviewed ${index % 13} proposals.`, "Welcomed newcomers."],
          asks: index % 3 === 0 ? ["More volunteers."] : [],
          submittedAt: new Date(due.getTime() - (index % 10) * 86_400_000),
          submittedByPersonId: g.people[0] ?? null,
        });
      }
      for (let v = 0; v < 4; v++) {
        const closedAt = new Date(`${y}-${pad(2 + v * 3)}-15T12:00:00Z`);
        if (closedAt >= now) continue;
        votes.push({
          groupId: g.id,
          kind: "proposal",
          title: `${g.slug}: proposal ${y}-${v + 1}`,
          body: "group",
          secrecy: v === 3 ? "secret" : "open",
          baseRule: "cast",
          electorateSize: 4,
          openedAt: new Date(closedAt.getTime() - 7 * 86_400_000),
          closesAt: closedAt,
          latestClosesAt: closedAt,
          status: "closed",
          yes: 3 - (v % 2),
          no: v % 2,
          abstain: 0,
          base: 4,
          outcome: v % 4 === 1 ? "failed" : "passed",
          closeReason: "deadline",
          closedAt,
        });
      }
      for (let k = 0; k < 3; k++) {
        const personId = newcomers[newcomer++]?.id;
        if (personId === undefined) throw new Error("no newcomer");
        const startedOn = `${y}-${pad(1 + k * 4)}-10`;
        if (startedOn >= options.today) continue;
        // One in three leaves the next year; one in three has a one-year term that lapses.
        const leaves = k === 0 && `${y + 1}-06-30` < options.today;
        const term = k === 1 ? `${y + 1}-${pad(1 + k * 4)}-09` : null;
        periods.push({
          groupId: g.id,
          personId,
          role: "member",
          startedOn,
          endedOn: leaves ? `${y + 1}-06-30` : term && term < options.today ? term : null,
          termEndsOn: term,
          reason: leaves ? "left the group" : `admitted by vote ${y}-${k}`,
          createdAt: created,
        });
      }
    }
  }
  const boardMeetings: Array<typeof schema.boardMeetings.$inferInsert> = [];
  for (let y = firstYear; y <= thisYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const heldOn = `${y}-${pad(m)}-${pad(10 + (m % 8))}`;
      if (heldOn >= options.today) continue;
      boardMeetings.push({ heldOn, recordedBy: "bench", createdAt: now });
    }
  }
  await insertChunked((r) => db.insert(schema.meetings).values(r), meetings);
  await insertChunked((r) => db.insert(schema.groupReports).values(r), reports);
  await insertChunked((r) => db.insert(schema.votes).values(r), votes);
  await insertChunked((r) => db.insert(schema.rolePeriods).values(r), periods);
  await insertChunked((r) => db.insert(schema.reportTracking).values(r), tracking);
  await insertChunked((r) => db.insert(schema.boardMeetings).values(r), boardMeetings);
  return {
    groups: options.groups,
    years: options.years,
    slugs,
    rows: {
      meetings: meetings.length,
      reports: reports.length,
      votes: votes.length,
      rolePeriods: periods.length,
      boardMeetings: boardMeetings.length,
    },
  };
}
