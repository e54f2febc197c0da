/**
 * Meeting pages in a real Chromium: axe-core (WCAG 2.1 A/AA) finds no violations for the chair,
 * a member, the Board and an anonymous visitor; the pages fit a 390-px phone; a chair schedules a
 * meeting with JavaScript off, and a refused time zone is shown beside its field with what was typed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "../../../test/browser-app.ts";
import { signInAccounts } from "../../../test/browser-sessions.ts";
import { FixedClock } from "../../platform/clock.ts";
import { applyToGroup } from "../decisions/apply-to-group.ts";
import {
  grantFoundationRole,
  makePeople,
  meetingGroup,
  personActor,
} from "../decisions/decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import { addActionItem, addAgendaItem, saveNotes } from "./meeting-records.ts";
import { scheduleMeeting } from "./schedule-meeting.ts";

let served: BrowserAppWithDatabase;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let sessions = new Map<string, string>();
let pastId = 0;
let nextId = 0;

const session = (who: string) => {
  const value = sessions.get(who);
  return value ? { name: "guildhall_session", value } : undefined;
};

beforeAll(async () => {
  served = await startBrowserAppWithDatabase({ clock });
  const { database } = served;
  const { group, chair, member } = await meetingGroup(database, { slug: "meets", name: "Meeting Group" });
  const [boardMember = 0, applicant = 0] = await makePeople(database, 2, "meets");
  await grantFoundationRole(database, [boardMember], "board-member");
  sessions = await signInAccounts(database, clock, [
    ["chair", chair],
    ["member", member],
    ["board", boardMember],
  ]);
  const deps = { database, clock };
  await applyToGroup({
    deps,
    actor: personActor(applicant),
    input: { group: group.id, statement: "s", skills: "k", timeCommitment: "t" },
  });
  const at = (date: string, title: string) =>
    scheduleMeeting({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: {
        groupId: group.id,
        title,
        date,
        time: "18:00",
        timeZone: "Europe/Amsterdam",
        link: "https://meet.example.org/m",
      },
    });
  pastId = (await at("2026-02-10", "February meeting")).id;
  nextId = (await at("2026-03-10", "March meeting")).id;
  await saveNotes({
    deps,
    actor: CLI_DECISION_ACTOR,
    input: {
      groupId: group.id,
      meetingId: pastId,
      publicNotes: "We met.\n\nWe agreed.",
      privateNotes: "A private matter.",
      publish: true,
    },
  });
  await addActionItem({
    deps,
    actor: CLI_DECISION_ACTOR,
    input: {
      groupId: group.id,
      meetingId: pastId,
      title: "Write the report",
      ownerPersonId: member,
      dueOn: "2026-03-05",
    },
  });
  await addAgendaItem({
    deps,
    actor: personActor(member),
    input: { groupId: group.id, meetingId: nextId, title: "Budget" },
  });
});

afterAll(async () => {
  await served?.close();
});

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  const cases: Array<[string, string, () => string]> = [
    ["chair", "the meetings list", () => "/groups/meets/meetings"],
    ["anonymous", "the meetings list", () => "/groups/meets/meetings"],
    ["chair", "the next meeting", () => `/groups/meets/meetings/${nextId}`],
    ["chair", "a past meeting", () => `/groups/meets/meetings/${pastId}`],
    ["member", "a past meeting", () => `/groups/meets/meetings/${pastId}`],
    ["board", "a past meeting", () => `/groups/meets/meetings/${pastId}`],
    ["anonymous", "a past meeting", () => `/groups/meets/meetings/${pastId}`],
  ];
  for (const [who, what, path] of cases) {
    it(`${what} seen by the ${who} has no violations`, async () => {
      const result = await auditPage(served.browser, `${served.base}${path()}`, { session: session(who) });
      expect(result.status).toBe(200);
      expect(result.passes).toBeGreaterThan(5);
      expect(result.violations).toEqual([]);
    });
  }

  it("the meeting page fits a 390-px phone and shows what each visitor may read", async () => {
    for (const who of ["chair", "anonymous"]) {
      const context = await served.browser.newContext({ viewport: { width: 390, height: 844 } });
      try {
        const s = session(who);
        if (s) await context.addCookies([{ ...s, url: served.base }]);
        const page = await context.newPage();
        await page.goto(`${served.base}/groups/meets/meetings/${nextId}`);
        // The page's own content (main): the site header's width is the layout's, measured elsewhere.
        const overflow = (await page.evaluate(
          "Math.max(0, ...[...document.querySelectorAll('main, main *')].map((e) => e.getBoundingClientRect().right)) - window.innerWidth",
        )) as number;
        expect(overflow, who).toBeLessThanOrEqual(0);
        const text = (await page.textContent("main")) ?? "";
        // The next meeting's agenda: the member's item, the carried action item, the applicant.
        expect(text).toContain("Budget");
        expect(text).toContain("Action item: Write the report");
        // The applicant by name to the chair only; an anonymous visitor is told how many wait.
        if (who === "chair") expect(text).toMatch(/Meet applicant meets/);
        else {
          expect(text).toContain("Meet the applicants waiting for a decision (1)");
          expect(text).not.toMatch(/Meet applicant meets/);
        }
        expect(text).toContain("2026-03-10 18:00 Europe/Amsterdam (UTC+01:00)");
      } finally {
        await context.close();
      }
    }
    const anonymous = await served.browser.newContext();
    try {
      const page = await anonymous.newPage();
      await page.goto(`${served.base}/groups/meets/meetings/${pastId}`);
      const text = (await page.textContent("main")) ?? "";
      expect(text).toContain("We agreed.");
      expect(text).not.toContain("A private matter.");
    } finally {
      await anonymous.close();
    }
  });
});

describe("without JavaScript", () => {
  it("a chair schedules a meeting; a refused zone is shown beside its field with what was typed", async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    try {
      const s = session("chair");
      if (s) await context.addCookies([{ ...s, url: served.base }]);
      const page = await context.newPage();
      await page.goto(`${served.base}/groups/meets/meetings`);
      await page.getByLabel("Title").fill("April meeting");
      await page.getByLabel("Date").fill("2026-04-14");
      await page.getByLabel("Start time (24-hour clock)").fill("17:30");
      await page.getByLabel("Time zone").fill("Europe/Atlantis");
      await page.getByRole("button", { name: "Schedule" }).click();
      const zone = page.getByLabel("Time zone");
      expect(await zone.inputValue()).toBe("Europe/Atlantis");
      expect(await zone.getAttribute("aria-invalid")).toBe("true");
      expect(await page.textContent("main")).toContain("must be an IANA time zone");
      expect(await page.getByLabel("Title").inputValue()).toBe("April meeting");
      await zone.fill("America/Chicago");
      await page.getByRole("button", { name: "Schedule" }).click();
      await page.waitForURL(/\/groups\/meets\/meetings\/\d+$/);
      expect(await page.textContent("main")).toContain("2026-04-14 17:30 America/Chicago (UTC-05:00)");
      await page.getByRole("button", { name: "Cancel this meeting" }).click();
      await page.waitForURL(/\/groups\/meets\/meetings\/\d+$/);
      expect(await page.textContent("main")).toContain("This meeting is cancelled.");
    } finally {
      await context.close();
    }
  });
});
