/**
 * Every HTML page the application serves, opened in Chromium at a 390 x 844 phone viewport, as an
 * anonymous visitor and as a signed-in site administrator (who also chairs a group, so the chair's
 * forms are on the pages): the page never scrolls sideways (document scrollWidth <= 390), the
 * site header stays under HEADER_MAX px high, every chart SVG scales (a viewBox, no wider than its
 * container), and every checkbox and radio button sits on the same line as its label.
 *
 * The list of pages comes from the declared routes (`declaredRoutes`: every GET route outside
 * /api/ whose path is not a file such as `.csv`, `.ics` or `.md`), so a new page is checked the
 * day it is added; its path parameters come from PARAMS below, and a route with a parameter that
 * has no value there fails the test until one is added.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedEcosystemDemo, syncPackages } from "../src/ecosystem/index.ts";
import { seedDemo } from "../src/governance/index.ts";
import {
  CLI_ACTOR,
  createToken,
  createUser,
  grantFoundationRole,
  startSession,
  TOKEN_SCOPES,
} from "../src/kernel/index.ts";
import {
  createCampaign,
  createItem,
  planItem,
  reviewItem,
  saveItem,
  submitItem,
} from "../src/marketing/index.ts";
import { hashSecret, newSecret } from "../src/platform/auth/index.ts";
import { type Database, schema } from "../src/platform/db/index.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import { declaredRoutes } from "../src/platform/http/route.ts";
import type { Services } from "../src/platform/services.ts";
import { axeViolations, launchChromium } from "./accessibility.ts";
import { createTestApplication } from "./app.ts";
import { createTestDatabase } from "./db.ts";
import { insertMarketingGroups } from "./factories/marketing.ts";
import { type PypiServer, startPypiServer } from "./pypi-server/server.ts";
import { type LocalServer, serveLocally } from "./serve.ts";

/** The phone: an iPhone 12-15 sized viewport in CSS pixels. */
const PHONE = { width: 390, height: 844 };
/** The most the site header may take at that width (closed menu). */
const HEADER_MAX = 80;

/** GET routes outside /api/ that answer something other than an HTML page, and what they answer. */
const NOT_PAGES: Record<string, string> = {
  "GET /healthz": "JSON for health probes",
  "GET /auth/github": "a redirect to github.com",
};

/** The demo group whose chair the administrator is (decisions, votes, audit and forms on its pages). */
const GROUP = "community-events";
const CHAIR = "Priya Raman";

let database: Database;
let services: Services;
let app: Hono<AppEnv>;
let server: LocalServer | undefined;
let index: PypiServer | undefined;
let browser: Browser;
let base = "";
let adminSession = "";

/** Values of path parameters found once the fixtures exist: by "METHOD path" first, then by name. */
const byRoute = new Map<string, Record<string, string>>();
const byName: Record<string, string> = { slug: GROUP, year: "2026" };
/** Query strings some pages need to show their content (a fresh one per visit). */
const QUERY: Record<string, () => Promise<string>> = {
  "GET /sign-in/email/callback": async () => `?token=${encodeURIComponent(await freshSignInLink())}`,
};

async function freshSignInLink(): Promise<string> {
  const token = newSecret();
  const now = services.clock.now();
  await database.db.insert(schema.signInLinks).values({
    tokenHash: hashSecret(token),
    email: "phone@example.org",
    createdAt: now,
    expiresAt: new Date(now.getTime() + 600_000),
  });
  return token;
}

async function api(token: string, path: string, json?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    method: json === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function signedInUser(email: string, name: string, personId: number | null) {
  const db = database.db;
  const now = services.clock.now();
  const user = await createUser({ db, now, by: CLI_ACTOR, email, name });
  if (personId !== null) await db.update(schema.users).set({ personId }).where(eq(schema.users.id, user.id));
  const { token } = await createToken({
    db,
    now,
    by: CLI_ACTOR,
    userId: user.id,
    name: "phone",
    scopes: [...TOKEN_SCOPES],
    expiresInDays: 30,
  });
  return { user, token };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const built = await createTestApplication(database, { LOG_LEVEL: "silent" });
  services = built.services;
  app = built.app;
  await seedEcosystemDemo(services);
  await seedDemo({ services });
  // A few projects synced from a local index, so package pages carry releases, verdicts and charts.
  index = await startPypiServer({ limit: 12 });
  await syncPackages({
    database,
    clock: services.clock,
    log: services.log,
    httpFor: () => services.http,
    indexUrl: index.url,
    pollMs: 50,
  });
  server = await serveLocally(app);
  base = server.base;

  const db = database.db;
  const now = services.clock.now();
  const [chair] = await db.select().from(schema.people).where(eq(schema.people.name, CHAIR));
  if (!chair) throw new Error(`no ${CHAIR} in the demo`);
  const admin = await signedInUser("phone-admin@example.org", "Phone Administrator", chair.id);
  await grantFoundationRole({
    db,
    now,
    by: CLI_ACTOR,
    userId: admin.user.id,
    role: "site-admin",
    startedOn: "2026-01-01",
  });
  adminSession = (await startSession({ db, userId: admin.user.id, method: "email", now, days: 1 })).sessionId;

  // The Marketing WG (the demo chair chairs it too) and an item with two revisions.
  const marketing = await insertMarketingGroups(db, { chairs: [CHAIR] });
  const writer = { userId: admin.user.id, name: "Phone Administrator" };
  const itemFields = {
    title: "A fundraising page with a rather long title to wrap",
    body: "# Give\n\nSupport the foundation's work on Django with a donation.",
    slug: null,
    summary: null,
    authors: [],
    tags: [],
    socialCardUrl: null,
    socialCardAlt: null,
  };
  const item = await createItem({
    db,
    clock: services.clock,
    kind: "fundraising-page",
    network: null,
    fields: itemFields,
    by: writer,
  });
  await saveItem({
    db,
    clock: services.clock,
    itemId: item.id,
    baseRevision: 1,
    fields: { ...itemFields, body: `${itemFields.body}\n\nEvery gift counts.` },
    by: writer,
  });
  byRoute.set("GET /marketing/items/:id", { id: String(item.id) });
  byRoute.set("GET /marketing/items/:id/diff", { id: String(item.id) });
  // A strategy document with an approved revision and a later draft (the page shows both, and the diff).
  const doc = await createItem({
    db,
    clock: services.clock,
    kind: "strategy-document",
    network: null,
    docType: "content-strategy",
    fields: { ...itemFields, title: "Website content strategy and the blog's editorial line for 2027" },
    by: writer,
  });
  await submitItem({ database, clock: services.clock, itemId: doc.id, by: writer });
  const [docStep] = await db
    .select()
    .from(schema.marketingReviewSteps)
    .where(eq(schema.marketingReviewSteps.itemId, doc.id));
  const docReviewer = await signedInUser("phone-reviewer@example.org", "Phone Reviewer", null);
  await reviewItem({
    db,
    clock: services.clock,
    itemId: doc.id,
    stepId: docStep?.id ?? 0,
    decision: "approve",
    comment: null,
    reviewer: {
      userId: docReviewer.user.id,
      groupIds: new Set([marketing.marketing]),
      board: false,
      steeringCouncil: false,
    },
    by: { userId: docReviewer.user.id, name: "Phone Reviewer" },
  });
  await saveItem({
    db,
    clock: services.clock,
    itemId: doc.id,
    baseRevision: 1,
    fields: {
      ...itemFields,
      body: `${itemFields.body}\n\nA much longer line of the new draft that has to wrap on a phone.`,
    },
    by: writer,
  });
  byRoute.set("GET /marketing/strategy/:id", { id: String(doc.id) });
  // A published blog post with a long title, a social card and long tags (inserted as the publishing job leaves it).
  const postAt = services.clock.now();
  await db.insert(schema.marketingItems).values({
    kind: "blog-post",
    state: "published",
    title: "The Django Software Foundation's community-organised events programme for twenty twenty-seven",
    slug: "phone-post",
    summary: "What the Community Events WG plans for next year, and how local organisers can take part.",
    authors: ["Priya Raman", "A Second Author With A Long Name"],
    tags: ["community-organised-events-programme", "fundraising"],
    socialCardUrl: "https://example.org/card.png",
    socialCardAlt: "The Django pony at a meetup",
    body: `${itemFields.body}\n\n\`\`\`python\nfrom django.contrib.syndication.views import Feed  # a long line of code in the post's body\n\`\`\``,
    createdByName: "Priya Raman",
    createdAt: postAt,
    updatedAt: postAt,
    publishedAt: postAt,
  });
  byRoute.set("GET /blog/:slug", { slug: "phone-post" });
  byRoute.set("GET /blog/tags/:tag", { tag: "community-organised-events-programme" });
  // A campaign holding the item, planned for a day of this month (the calendar's default view).
  const campaign = await createCampaign({
    db,
    clock: services.clock,
    fields: {
      name: "Year-end fundraising with a long campaign name",
      goal: "Raise money for the Fellowship.",
      startsOn: "2026-11-01",
      endsOn: "2026-12-31",
      owner: null,
    },
    by: writer,
  });
  await planItem({
    db,
    clock: services.clock,
    itemId: item.id,
    campaignId: campaign.id,
    plannedOn: "2026-11-24",
    by: writer,
  });
  byRoute.set("GET /marketing/campaigns/:id", { id: String(campaign.id) });

  // An open vote, an application waiting, a claim to confirm and a review: the pages that list them.
  const opened = await api(admin.token, `/api/groups/${GROUP}/votes`, {
    kind: "proposal",
    title: "Adopt the organiser handbook's second edition with its translated checklists",
    closesAt: "2026-12-01T12:00:00Z",
  });
  const voteId = String((opened.vote as { id: number }).id);
  const applicant = await signedInUser("phone-applicant@example.org", "Phone Applicant", null);
  await api(applicant.token, `/api/groups/${GROUP}/applications`, {
    statement: "I have run three meetups and would like to help with the calendar.",
    skills: "organising, translation",
    timeCommitment: "two hours a week",
  });
  const [person] = await db.select().from(schema.people).where(eq(schema.people.name, "Yuki Tanaka"));
  if (!person) throw new Error("no Yuki Tanaka in the demo");
  const claimant = await signedInUser("phone-claimant@example.org", "Phone Claimant", null);
  await api(claimant.token, "/api/account/claim", { person: person.slug });
  const review = await api(admin.token, "/api/reviews", { top: 5 });
  const reviewId = String((review.review as { id: number } | undefined)?.id ?? review.id);

  const healthRules = (await api(admin.token, "/api/health/rules")) as { rules?: Array<{ id: string }> };
  const checkupRules = (await api(admin.token, "/api/checkup/rules")) as { rules?: Array<{ id: string }> };
  const synced = index.names.find((n) => n.startsWith("django-")) ?? index.names[0] ?? "";
  byName.idOrSlug = person.slug;
  byName.name = synced;
  byName.series = "6.1";
  byRoute.set("GET /votes/:id", { id: voteId });
  // A meeting with notes (the Chair is the admin's person) and a Board-only report of the group.
  const meeting = await api(admin.token, `/api/groups/${GROUP}/meetings`, {
    title: "Planning the spring meetups with every regional organiser",
    date: "2026-12-10",
    time: "18:00",
    timeZone: "Europe/Amsterdam",
    durationMinutes: 60,
    link: "https://meet.example.org/a-very-long-room-name-that-should-wrap-on-a-small-phone-screen",
  });
  const meetingId = (meeting.meeting as { id: number }).id;
  byRoute.set("GET /groups/:slug/meetings/:id", { id: String(meetingId) });
  // A member who leaves owning an action item and a vote: the hand-over pages have content.
  const [leaverPerson] = await db
    .insert(schema.people)
    .values({ slug: "phone-leaver", name: "Alexandria Featherstonehaugh-Montgomery", createdAt: now })
    .returning();
  const [eventsRow] = await db.select().from(schema.groups).where(eq(schema.groups.slug, GROUP));
  await db.insert(schema.rolePeriods).values({
    groupId: eventsRow?.id ?? 0,
    personId: leaverPerson?.id ?? 0,
    role: "member",
    startedOn: "2025-01-01",
    reason: "phone fixture",
    decisionRef: "charter import",
    createdAt: now,
  });
  await api(admin.token, `/api/groups/${GROUP}/meetings/${meetingId}/action-items`, {
    title: "Confirm the venue contract for the spring meetup in the regional organisers' shared folder",
    ownerPersonId: leaverPerson?.id,
    dueOn: "2026-12-20",
  });
  const leaver = await signedInUser("phone-leaver@example.org", "Phone Leaver", leaverPerson?.id ?? null);
  await api(leaver.token, `/api/groups/${GROUP}/leave`, {});
  const [handover] = await db
    .select()
    .from(schema.handovers)
    .where(eq(schema.handovers.personId, leaverPerson?.id ?? 0));
  byRoute.set("GET /handovers/:id", { id: String(handover?.id) });
  // A request from the group to the Board, with a long title (it wraps, not widens the page).
  const asked = (await api(admin.token, `/api/groups/${GROUP}/requests`, {
    target: "board",
    kind: "decision",
    title: "Approve the regional organisers' travel-support-and-accessibility-guidelines for 2027",
    answerNeeded: "approval",
    deadline: "2026-12-31",
    visibility: "public",
  })) as { request: { id: number } };
  byRoute.set("GET /requests/:id", { id: String(asked.request.id) });
  // A funding request of the group, with a long description (it wraps, not widens the page).
  const funded = (await api(admin.token, `/api/groups/${GROUP}/funding`, {
    purpose: "events",
    description: "Travel-support-and-accessibility-grants-for-regional-organisers-of-community-events-2027",
    amount: "12500.50",
    currency: "EUR",
    startsOn: "2027-01-01",
    endsOn: "2027-12-31",
  })) as { request: { id: number } };
  byRoute.set("GET /funding/:id", { id: String(funded.request.id) });
  const [eventsGroup] = await db.select().from(schema.groups).where(eq(schema.groups.slug, GROUP));
  const [report] = await db
    .insert(schema.groupReports)
    .values({
      groupId: eventsGroup?.id ?? 0,
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
      cadence: "monthly",
      visibility: "board",
      highlights: ["Three meetups held", "A new venue partner", "Translated the organiser guide"],
      asks: ["A budget line for venue deposits"],
      submittedAt: services.clock.now(),
    })
    .returning({ id: schema.groupReports.id });
  byRoute.set("GET /reports/:id", { id: String(report?.id) });
  // A proposal (the administrator's draft, so its revision form shows) and a charter change.
  const proposal = await api(admin.token, "/api/proposals", {
    slug: "regional-organisers-and-translators-network",
    name: "Regional Organisers and Translators Network Working Group",
    kind: "working-group",
  });
  byRoute.set("GET /proposals/:id", { id: String((proposal.proposal as { id: number }).id) });
  const [change] = await db
    .insert(schema.charterChanges)
    .values({
      groupId: eventsGroup?.id ?? 0,
      status: "proposed",
      class: "substantive",
      fields: [
        {
          field: "budget",
          label: "Budget",
          class: "substantive",
          before: "",
          after: "USD 2,000 a year for venue deposits, translations and the organiser handbook's printing",
        },
      ],
      summary: "A budget for venue deposits, translations and printing the organiser handbook",
      beforeMarkdown: "# Community Events\n",
      afterMarkdown: "# Community Events\n\n## Budget\n\nUSD 2,000 a year.\n",
      afterCharter: eventsGroup?.charter ?? {},
      createdAt: services.clock.now(),
    })
    .returning({ id: schema.charterChanges.id });
  byRoute.set("GET /charter-changes/:id", { id: String(change?.id) });
  byRoute.set("GET /reviews/:id", { id: reviewId });
  // An open transfer of the synced package with its checklist (a long PyPI user name to wrap).
  const [transfer] = await db
    .insert(schema.transfers)
    .values({
      packageName: synced,
      fromKind: "jazzband",
      fromName: "Jazzband",
      toKind: "django-commons",
      toName: "Django Commons",
      addPypiOwners: ["a-rather-long-pypi-user-name-that-has-to-wrap"],
      createdByName: "Phone Administrator",
      openedAt: now,
    })
    .returning({ id: schema.transfers.id });
  const steps = ["pypi-roles", "repository", "documentation", "ci-secrets", "readme-badges", "announcement"];
  await db
    .insert(schema.transferSteps)
    .values(steps.map((step) => ({ transferId: transfer?.id ?? 0, step, owner: "roadie", state: "to-do" })));
  byRoute.set("GET /transfers/:id", { id: String(transfer?.id) });
  byRoute.set("GET /reviews/:id/since/:other", { id: reviewId, other: reviewId });
  byRoute.set("GET /health/rules/:id", { id: healthRules.rules?.[0]?.id ?? "" });
  byRoute.set("GET /checkup/rules/:id", { id: checkupRules.rules?.[0]?.id ?? "" });

  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await index?.close();
  await database?.close();
});

/** Pages from the declared routes: GET, not under /api/ or /static/, not a file. */
function pageRoutes(): string[] {
  const keys: string[] = [];
  for (const r of declaredRoutes(app)) {
    const key = `${r.method} ${r.path}`;
    if (r.method !== "GET" || r.path.startsWith("/api/") || r.path.startsWith("/static/")) continue;
    // A dot in the path is a file name or an extension pattern: CSV, JSON, calendars, markdown.
    if (r.path.includes(".")) continue;
    if (key in NOT_PAGES) continue;
    keys.push(key);
  }
  return keys;
}

async function urlFor(key: string): Promise<string> {
  const pattern = key.slice(key.indexOf(" ") + 1);
  const fixed = byRoute.get(key) ?? {};
  const path = pattern.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => {
    const value = fixed[name] ?? byName[name];
    if (!value) throw new Error(`no value for :${name} in ${key}; add one to the fixtures of this test`);
    return encodeURIComponent(value);
  });
  return path + ((await QUERY[key]?.()) ?? "");
}

/** What one page measures at the phone width. */
interface Measure {
  scrollWidth: number;
  headerHeight: number;
  /** Elements reaching past the viewport's right edge outside a scrolling box (the widest first). */
  overflowing: string[];
  /** Chart SVGs that do not scale: no viewBox, or wider than their container. */
  rigidCharts: string[];
  /** Checkboxes and radio buttons not on the same line as (and next to) their label. */
  misplacedChoices: string[];
  choices: number;
}

/** The in-page measuring function, as source to evaluate (it runs in Chromium, not in Node). */
const MEASURE = readFileSync(new URL("./phone-width.page.js", import.meta.url), "utf8");

async function measure(page: Page): Promise<Measure> {
  // A block, so the script's `const` is scoped to this one evaluation.
  return (await page.evaluate(`{\n${MEASURE}\nmeasurePage(${PHONE.width});\n}`)) as Measure;
}

/** Opens every disclosure (the header menu too), so what they hide is measured as well. */
async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate('for (const d of document.querySelectorAll("details")) d.open = true;');
}

describe("every page fits a 390-pixel phone", () => {
  it("derives the pages from the declared routes", () => {
    const pages = pageRoutes();
    expect(pages.length).toBeGreaterThan(25);
    for (const key of [
      "GET /groups",
      "GET /packages/:name",
      "GET /releases",
      "GET /board",
      "GET /admin/roles",
    ])
      expect(pages).toContain(key);
  });

  for (const visitor of ["anonymous", "admin"] as const) {
    it(`as ${visitor === "admin" ? "a signed-in administrator" : "an anonymous visitor"}: no sideways scrolling, a compact header, scaling charts, choices beside their labels`, async () => {
      const context: BrowserContext = await browser.newContext({
        viewport: PHONE,
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
        javaScriptEnabled: false,
      });
      if (visitor === "admin")
        await context.addCookies([{ name: "guildhall_session", value: adminSession, url: base }]);
      const problems: string[] = [];
      const figures: string[] = [];
      let choices = 0;
      let charts = 0;
      const seen = new Set<string>();
      try {
        const page = await context.newPage();
        for (const key of pageRoutes()) {
          const path = await urlFor(key);
          const res = await page.goto(`${base}${path}`);
          const landed = new URL(page.url()).pathname;
          const type = res?.headers()["content-type"] ?? "";
          if (!type.startsWith("text/html")) {
            problems.push(`${key}: answers ${type || "nothing"}, not a page; add it to NOT_PAGES`);
            continue;
          }
          if (res && res.status() >= 500) problems.push(`${key}: ${res.status()}`);
          if (landed !== path.split("?")[0] && seen.has(landed)) continue; // sent to a page already checked
          seen.add(landed);
          const closed = await measure(page);
          await openAllDetails(page);
          const open = await measure(page);
          const svgs = await page.locator("main svg").count();
          charts += svgs;
          choices += open.choices;
          figures.push(
            `${key} (${res?.status()}${landed !== path.split("?")[0] ? ` at ${landed}` : ""}): width ${closed.scrollWidth}/${open.scrollWidth}, header ${closed.headerHeight}, charts ${svgs}, choices ${open.choices}`,
          );
          if (closed.scrollWidth > PHONE.width || open.scrollWidth > PHONE.width)
            problems.push(
              `${key}: ${Math.max(closed.scrollWidth, open.scrollWidth)} px wide: ${[...new Set([...closed.overflowing, ...open.overflowing])].join("; ")}`,
            );
          if (closed.headerHeight < 0 || closed.headerHeight >= HEADER_MAX)
            problems.push(`${key}: header ${closed.headerHeight} px high`);
          for (const c of open.rigidCharts) problems.push(`${key}: chart ${c}`);
          for (const c of open.misplacedChoices) problems.push(`${key}: ${c}`);
        }
      } finally {
        await context.close();
      }
      if (process.env.PHONE_WIDTH_LOG) console.log(`${visitor}\n${figures.join("\n")}`);
      expect(problems).toEqual([]);
      expect(figures.length).toBeGreaterThan(visitor === "admin" ? 25 : 15);
      if (visitor === "admin") {
        // The chair's and the administrator's forms hold checkboxes and radio buttons; charts are drawn.
        expect(choices).toBeGreaterThan(3);
        expect(charts).toBeGreaterThan(1);
      }
    }, 300_000);
  }

  it("at the phone width, with the menu open, the header and scrolling tables have no axe-core violations", async () => {
    // JavaScript on and the CSP bypassed only to inject axe-core; the pages themselves use none.
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, bypassCSP: true });
    try {
      await context.addCookies([{ name: "guildhall_session", value: adminSession, url: base }]);
      const page = await context.newPage();
      for (const path of ["/packages", "/releases", "/account", `/groups/${GROUP}`]) {
        await page.goto(`${base}${path}`);
        await page.getByText("Menu", { exact: true }).click();
        await expect(page.getByRole("link", { name: "Packages" }).first().isVisible()).resolves.toBe(true);
        await expect(page.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);
        const scrollers = await page.locator("section.table-scroll").count();
        expect(scrollers, path).toBeGreaterThan(0);
        const result = await axeViolations(page);
        expect(result.violations, `${path}: ${JSON.stringify(result.violations)}`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
