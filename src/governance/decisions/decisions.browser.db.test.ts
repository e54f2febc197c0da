/**
 * Decision pages in a real Chromium: axe-core (WCAG 2.1 A/AA) finds no violations on any of them;
 * with JavaScript disabled a ballot is cast and the person a vote is about is picked by name
 * (an ambiguous name offering its choices as radio buttons); with JavaScript the suggestions are
 * refreshed from the search route as the name is typed.
 */
import { eq } from "drizzle-orm";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../../../test/accessibility.ts";
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "../../../test/browser-app.ts";
import { contextWithSession, signInAccounts } from "../../../test/browser-sessions.ts";
import { FixedClock } from "../../platform/clock.ts";
import { schema } from "../../platform/db/index.ts";
import { applyToGroup } from "./apply-to-group.ts";
import { castBallot } from "./cast-ballot.ts";
import { closeVote } from "./close-vote.ts";
import {
  addToGroup,
  charterWith,
  grantFoundationRole,
  makeGroup,
  makePeople,
  personActor,
} from "./decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "./decisions.repo.ts";
import { openVote } from "./open-vote.ts";

let served: BrowserAppWithDatabase;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let sessions = new Map<string, string>();
let openVoteId = 0;
let secretVoteId = 0;
const named = new Map<string, number>();

async function contextFor(name: string, javaScriptEnabled = true): Promise<BrowserContext> {
  return contextWithSession(served.browser, served.base, sessions.get(name), javaScriptEnabled);
}

beforeAll(async () => {
  served = await startBrowserAppWithDatabase({ clock });
  const { database } = served;
  const group = await makeGroup(
    database,
    charterWith({ slug: "a11y", name: "Accessible Group", termMonths: 12, meetingCadence: "monthly" }),
  );
  const members = await makePeople(database, 4, "a11y");
  // One member period each (periods of one role never overlap); the fourth member's term ends soon.
  await addToGroup(database, group.id, members.slice(0, 3));
  await addToGroup(database, group.id, [members[0] ?? 0], { role: "chair" });
  await addToGroup(database, group.id, [members[3] ?? 0], { termEndsOn: "2026-03-20" });
  const [boardMember, applicant] = await makePeople(database, 2, "a11y-other");
  const names: Array<[string, string]> = [
    ["katherine-johnson", "Katherine Johnson"],
    ["dorothy-vaughan", "Dorothy Vaughan"],
    ["dorothy-vaughan-2", "Dorothy Vaughan"],
  ];
  for (const [slug, name] of names) {
    const [row] = await database.db
      .insert(schema.people)
      .values({ slug, name, createdAt: clock.now() })
      .returning({ id: schema.people.id });
    named.set(slug, row?.id ?? 0);
  }
  await grantFoundationRole(database, [boardMember ?? 0], "board-member");
  sessions = await signInAccounts(database, clock, [
    ["chair", members[0] ?? 0],
    ["member", members[1] ?? 0],
    ["renewer", members[3] ?? 0],
    ["board", boardMember ?? 0],
    ["applicant", applicant ?? 0],
  ]);
  const deps = { database, clock };
  await applyToGroup({
    deps,
    actor: personActor(applicant ?? 0),
    input: { group: group.id, statement: "s", skills: "k", timeCommitment: "t" },
  });
  /** Opens a proposal of the group and casts one member's ballot in it; returns the vote's id. */
  const proposalWithBallot = async (
    input: { title: string; closesAt: string; secrecy?: "secret" },
    voter: number,
    choice: "yes" | "no",
  ) => {
    const { id } = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "proposal", ...input },
    });
    await castBallot({ deps, actor: personActor(voter), input: { voteId: id, choice } });
    return id;
  };
  openVoteId = await proposalWithBallot(
    { title: "Meet fortnightly", closesAt: "2026-03-08T12:00:00Z" },
    members[0] ?? 0,
    "yes",
  );
  secretVoteId = await proposalWithBallot(
    { title: "Conduct case", closesAt: "2026-03-02T12:00:00Z", secrecy: "secret" },
    members[2] ?? 0,
    "no",
  );
  clock.set("2026-03-02T12:00:01Z");
  await closeVote({ deps, actor: CLI_DECISION_ACTOR, input: { voteId: secretVoteId } });
});

afterAll(async () => {
  await served?.close();
});

async function checkPage(who: string, path: string) {
  const context = await contextFor(who);
  try {
    const page = await context.newPage();
    const response = await page.goto(`${served.base}${path}`);
    const result = await axeViolations(page);
    return { status: response?.status() ?? 0, ...result };
  } finally {
    await context.close();
  }
}

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  const cases: Array<[string, () => string]> = [
    ["chair", () => "/groups/a11y/decisions"],
    ["applicant", () => "/groups/a11y/decisions"],
    ["renewer", () => "/groups/a11y/decisions"],
    ["member", () => `/votes/${openVoteId}`],
    ["chair", () => `/votes/${openVoteId}`],
    ["member", () => `/votes/${secretVoteId}`],
    ["board", () => "/board"],
    ["chair", () => `/votes/${openVoteId}?opened=1`],
    ["member", () => "/groups/a11y/audit"],
  ];
  for (const [i, [who, path]] of cases.entries()) {
    it(`page ${i + 1} seen by the ${who} has no violations`, async () => {
      const result = await checkPage(who, path());
      expect(result.status).toBe(200);
      expect(result.passes).toBeGreaterThan(5);
      expect(result.violations).toEqual([]);
    });
  }
});

describe("without JavaScript", () => {
  it("a member casts a ballot with the plain form", async () => {
    const context = await contextFor("member", false);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/votes/${openVoteId}`);
      await page.getByLabel("No", { exact: true }).check();
      await page.getByRole("button", { name: "Cast ballot" }).click();
      await page.waitForURL(`${served.base}/votes/${openVoteId}`);
      const text = await page.textContent("main");
      expect(text).toContain("2 of 4 have voted");
      expect(await page.getByRole("button", { name: "Cast ballot" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe("picking the person a vote is about by name", () => {
  async function openVoteForm(javaScriptEnabled: boolean) {
    const context = await contextFor("chair", javaScriptEnabled);
    const page = await context.newPage();
    await page.goto(`${served.base}/groups/a11y/decisions`);
    await page.getByLabel("Kind").selectOption("admit-member");
    await page.getByLabel("Closes (UTC, within 28 days)").fill("2026-03-09T12:00");
    return { context, page };
  }

  it("without JavaScript: a full name opens the vote, and the confirmation warns about missing accounts", async () => {
    const { context, page } = await openVoteForm(false);
    try {
      await page.getByLabel("Person the vote is about (name; not for a proposal)").fill("katherine johnson");
      await page.getByRole("button", { name: "Open vote" }).click();
      await page.waitForURL(/\/votes\/\d+\?opened=1$/);
      expect(await page.textContent("h1")).toBe("Admit Katherine Johnson");
      const status = await page.getByRole("status").textContent();
      expect(status).toContain("The vote is open. 4 may vote");
      // The third member never signed up: 3 of 4 can vote, 3 are needed.
      const note = await page.getByRole("note").textContent();
      expect(note).toContain("1 person in the electorate has no Guildhall account and so can never vote");
    } finally {
      await context.close();
    }
  });

  it("without JavaScript: an ambiguous name offers the people as radio buttons, and the one chosen is used", async () => {
    const { context, page } = await openVoteForm(false);
    try {
      const field = page.getByLabel("Person the vote is about (name; not for a proposal)");
      await field.fill("Dorothy Vaughan");
      await page.getByRole("button", { name: "Open vote" }).click();
      await page.waitForLoadState();
      // Re-shown with what was typed, the message beside the field, and the choices.
      expect(await field.inputValue()).toBe("Dorothy Vaughan");
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      const group = page.getByRole("group", { name: "Which one do you mean?" });
      expect(await group.getByRole("radio").count()).toBe(2);
      expect(await page.textContent("main")).toContain('2 people match "Dorothy Vaughan"');
      await group.getByLabel("Dorothy Vaughan (dorothy-vaughan-2)").check();
      await page.getByRole("button", { name: "Open vote" }).click();
      await page.waitForURL(/\/votes\/\d+\?opened=1$/);
      const voteId = Number(/\/votes\/(\d+)/.exec(page.url())?.[1]);
      const [vote] = await served.database.db.select().from(schema.votes).where(eq(schema.votes.id, voteId));
      expect(vote?.subjectPersonId).toBe(named.get("dorothy-vaughan-2"));
    } finally {
      await context.close();
    }
  });

  it("the re-shown form with its choices, and the confirmation, have no axe violations", async () => {
    // axe runs in the page, so this one has JavaScript; the form posts the same way.
    const { context, page } = await openVoteForm(true);
    try {
      await page.getByLabel("Person the vote is about (name; not for a proposal)").fill("Dorothy");
      await page.getByRole("button", { name: "Open vote" }).click();
      await page.getByRole("group", { name: "Which one do you mean?" }).waitFor();
      const refused = await axeViolations(page);
      expect(refused.passes).toBeGreaterThan(5);
      expect(refused.violations).toEqual([]);
      await page.getByLabel("Person the vote is about (name; not for a proposal)").fill("Katherine Johnson");
      await page.getByLabel("Kind").selectOption("proposal");
      await page.getByLabel("Title (required for a proposal)").fill("Meet weekly");
      await page.getByRole("button", { name: "Open vote" }).click();
      await page.waitForURL(/\/votes\/\d+\?opened=1$/);
      expect(await page.getByRole("note").count()).toBe(1);
      const confirmation = await axeViolations(page);
      expect(confirmation.violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("with JavaScript: the suggestions follow what is typed, from the search route", async () => {
    const { context, page } = await openVoteForm(true);
    try {
      const field = page.getByLabel("Person the vote is about (name; not for a proposal)");
      const listId = await field.getAttribute("list");
      const options = () =>
        page.$$eval(`datalist#${listId} option`, (os) => os.map((o) => o.getAttribute("value") ?? ""));
      // The server's list holds everyone at first.
      expect((await options()).length).toBeGreaterThan(5);
      const answered = page.waitForResponse((r) => r.url().includes("/api/people-suggestions?q=doro"));
      await field.pressSequentially("doro");
      await answered;
      await expect
        .poll(options)
        .toEqual(["Dorothy Vaughan (dorothy-vaughan)", "Dorothy Vaughan (dorothy-vaughan-2)"]);
    } finally {
      await context.close();
    }
  });
});
