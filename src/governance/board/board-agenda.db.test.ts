import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import type { Database } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { defineAgendaSection } from "./agenda.ts";
import { agendaMarkdown } from "./agenda-markdown.ts";
import { getBoardAgenda } from "./get-board-agenda.ts";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const docs = await insertGroup(database.db, { slug: "docs" });
  await insertGroup(database.db, { slug: "orphan", boardLiaisons: [] });
  const report = (periodStart: string, periodEnd: string, submittedAt: string, visibility: string) => ({
    groupId: docs.id,
    periodStart,
    periodEnd,
    cadence: "monthly" as const,
    visibility,
    highlights: ["a", "b", "c"],
    asks: [],
    submittedAt: new Date(submittedAt),
  });
  await database.db
    .insert(schema.groupReports)
    .values([
      report("2026-09-01", "2026-09-30", "2026-10-10T10:00:00Z", "public"),
      report("2026-10-01", "2026-10-31", "2026-11-12T10:00:00Z", "board"),
    ]);
});

afterAll(async () => {
  await database?.close();
});

const section = (agenda: Awaited<ReturnType<typeof getBoardAgenda>>, key: string) => {
  const found = agenda.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};

describe("the Board's agenda", () => {
  it("lists reports received since the last meeting, and only those", async () => {
    const since = await getBoardAgenda({
      db: database.db,
      day: "2026-12-03",
      since: "2026-11-01",
      viewerPersonId: null,
    });
    expect(since.lastMeetingOn).toBe("2026-11-01");
    expect(section(since, "reports-received").items).toEqual([
      expect.objectContaining({
        text: "docs Working Group: report for 2026-10-01 to 2026-10-31",
        facts: ["received 2026-11-12", "Board-only"],
        day: "2026-11-12",
      }),
    ]);
    const earlier = await getBoardAgenda({
      db: database.db,
      day: "2026-12-03",
      since: "2026-10-01",
      viewerPersonId: null,
    });
    expect(section(earlier, "reports-received").items).toHaveLength(2);
  });

  it("covers the last 31 days when no meeting day is given, or one in the future", async () => {
    for (const since of [undefined, "2027-01-01"]) {
      const agenda = await getBoardAgenda({
        db: database.db,
        day: "2026-12-03",
        since,
        viewerPersonId: null,
      });
      expect([agenda.since, agenda.lastMeetingOn, agenda.sinceSource]).toEqual([
        "2026-11-02",
        null,
        "default",
      ]);
      expect(section(agenda, "reports-received").title).toBe(
        "Reports received in the last 31 days (no Board meeting recorded)",
      );
      expect(section(agenda, "reports-received").items.map((i) => i.day)).toEqual(["2026-11-12"]);
    }
  });

  it("lists liaison problems and the built-in sections in order, with an area's own section", async () => {
    defineAgendaSection({
      key: "test-funding",
      title: "Funding requests",
      order: 50,
      source: "test",
      empty: "None.",
      load: async ({ day }) => [{ text: "Docs asks for EUR 100", href: "/funding/1", facts: ["open"], day }],
    });
    const agenda = await getBoardAgenda({ db: database.db, day: "2026-12-03", viewerPersonId: null });
    // The built-in sections and this test's, in order; other areas (lifecycle, requests) register
    // theirs in between when the room is loaded.
    const ours = ["reports-received", "reports-late", "defunct", "votes-waiting", "test-funding"];
    const keys = agenda.sections.map((s) => s.key);
    expect(keys.filter((k) => [...ours, "liaison-problems", "lapsing-terms"].includes(k))).toEqual([
      ...ours,
      "liaison-problems",
      "lapsing-terms",
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    // docs' liaison holds no Board role; orphan has no liaison at all.
    expect(section(agenda, "liaison-problems").items.map((i) => i.href)).toEqual([
      "/groups/docs",
      "/groups/orphan",
    ]);
    expect(section(agenda, "votes-waiting").items).toEqual([]);
  });

  it("exports markdown with absolute links, sources, empty sections and escaped text", async () => {
    const agenda = await getBoardAgenda({
      db: database.db,
      day: "2026-12-03",
      since: "2026-11-01",
      viewerPersonId: null,
    });
    const md = agendaMarkdown({ ...agenda, baseUrl: "https://guildhall.example/" });
    expect(md).toContain("# Board agenda, 2026-12-03");
    expect(md).toContain("Covers 2026-11-01 to 2026-12-03: since 2026-11-01.");
    expect(md).toContain(
      "## Reports received since 2026-11-01\n\nSource: reports submitted in Guildhall, as of 2026-12-03.",
    );
    expect(md).toMatch(
      /- \[docs Working Group: report for 2026-10-01 to 2026-10-31\]\(https:\/\/guildhall\.example\/reports\/\d+\) \(received 2026-11-12; Board-only\)/,
    );
    expect(md).toContain(
      "## Proposals and votes waiting\n\nSource: open votes in Guildhall, as of 2026-12-03.\n\nNo vote is open.",
    );
    const hostile = agendaMarkdown({
      day: "2026-12-03",
      since: "2026-11-02",
      lastMeetingOn: null,
      coverage: "in the last 31 days (no Board meeting recorded)",
      baseUrl: "https://g.example",
      sections: [
        {
          key: "x",
          title: "X",
          order: 1,
          source: "s",
          empty: "e",
          items: [{ text: "[a](javascript:x) *b*", href: null, facts: [], day: null }],
        },
      ],
    });
    expect(hostile).toContain("- \\[a\\](javascript:x) \\*b\\*");
    expect(hostile).toContain(
      "Covers 2026-11-02 to 2026-12-03: in the last 31 days (no Board meeting recorded).",
    );
  });
});
