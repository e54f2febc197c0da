/**
 * The blog, the editorial calendar and campaigns attacked from outside: hostile path and query
 * values (NUL bytes, broken Unicode, huge numbers, impossible and far dates, 100k-character
 * strings) are a 4xx and never a 500; hostile campaign fields are a 422 naming the field and store
 * nothing; a draft never reaches an outsider through a page, the feed, the export or calendar.ics.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemFields, type MarketingTest, openMarketingTest } from "../../test/factories/marketing.ts";
import { CLI_ACTOR, createToken } from "../kernel/index.ts";
import { schema } from "../platform/db/index.ts";
import type { ContentKind } from "./content-kinds.ts";
import { placeItem } from "./items/items.fixtures.ts";
import { submitItem } from "./items/submit-item.ts";
import { liveSteps } from "./marketing.repo.ts";

let database: MarketingTest["database"];
let clock: MarketingTest["clock"];
let who: MarketingTest["who"];
let request: MarketingTest["request"];
let post: MarketingTest["post"];
const ids: Record<string, number> = {};

async function item(
  title: string,
  kind: ContentKind,
  set: Partial<typeof schema.marketingItems.$inferInsert>,
) {
  const fields = itemFields(title, {
    slug: title.toLowerCase().replace(/[^a-z0-9]+/gu, "-"),
    summary: "A summary.",
    authors: ["Milo Member"],
    tags: ["news"],
  });
  const id = await placeItem(
    { db: database.db, clock },
    { kind, network: null, fields, by: who("Milo Member"), set },
  );
  ids[title] = id;
  return id;
}

const campaigns = async () =>
  (await database.db.select({ n: count() }).from(schema.marketingCampaigns))[0]?.n;

beforeAll(async () => {
  let users: MarketingTest["users"];
  ({ database, clock, who, request, post, users } = await openMarketingTest({
    names: ["Mara Chair", "Milo Member", "Mina Member", "Out Sider"],
    roles: [["Out Sider", "dsf-member"]],
  }));
  const { token } = await createToken({
    db: database.db,
    now: clock.now(),
    by: CLI_ACTOR,
    userId: who("Milo Member").userId,
    name: "read only",
    scopes: ["read"],
    expiresInDays: 30,
  });
  users.set("Milo Read", { id: who("Milo Member").userId, name: "Milo Member", token });
  await item("Public post", "blog-post", {
    state: "published",
    publishedAt: new Date("2026-11-20T10:00:00Z"),
  });
  await item("Secret draft", "blog-post", { plannedOn: "2026-12-17" });
  await item("Secret review", "blog-post", { state: "in-review", plannedOn: "2026-12-18" });
  await item("Secret approved", "blog-post", { state: "approved", plannedOn: "2026-12-19" });
});

afterAll(async () => {
  await database?.close();
});

const HOSTILE_SEGMENTS = [
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%ZZ",
  "2147483648",
  "9223372036854775808",
  "-1",
  "0.1",
  "1e308",
  "x".repeat(100_000),
];
const HOSTILE_QUERY = [
  "%00",
  "%ED%A0%80",
  "1e308",
  "-1",
  "0",
  "0.1",
  "9223372036854775808",
  "0000-00-00",
  "9999-12-31",
  "2026-02-30",
  "2199-12-31",
  "1900-01-01",
  "x".repeat(100_000),
];

describe("hostile paths and queries are never a 500", () => {
  it("the blog", async () => {
    const failures: string[] = [];
    for (const as of [null, "Milo Member"]) {
      for (const s of HOSTILE_SEGMENTS) {
        for (const path of [`/blog/${s}`, `/blog/tags/${s}`]) {
          const res = await request(path, as);
          if (res.status >= 500 || res.status === 200) failures.push(`${path.slice(0, 60)} ${res.status}`);
        }
      }
      for (const q of HOSTILE_QUERY) {
        for (const path of [`/blog?page=${q}`, `/blog/tags/news?page=${q}`]) {
          const res = await request(path, as);
          if (res.status >= 500) failures.push(`${path.slice(0, 60)} ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("the calendar and campaigns", async () => {
    const failures: string[] = [];
    for (const as of [null, "Out Sider", "Milo Member"]) {
      for (const q of HOSTILE_QUERY) {
        for (const key of ["date", "view", "channel", "campaign", "state"]) {
          const path = `/marketing/calendar?view=week&${key}=${q}`;
          const res = await request(path, as);
          if (res.status >= 500) failures.push(`${as} ${path.slice(0, 70)} ${res.status}`);
        }
        for (const view of ["month", "week"]) {
          const path = `/marketing/calendar?view=${view}&date=${q}`;
          const res = await request(path, as);
          if (res.status >= 500) failures.push(`${as} ${path.slice(0, 70)} ${res.status}`);
        }
      }
      for (const s of HOSTILE_SEGMENTS) {
        const res = await request(`/marketing/campaigns/${s}`, as);
        if (res.status >= 500 || res.status === 200)
          failures.push(`campaign ${s.slice(0, 30)} ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("campaign fields", () => {
  const valid = {
    name: "Spring drive",
    goal: "More members",
    startsOn: "2026-12-01",
    endsOn: "2026-12-31",
    owner: "",
  };

  it("refuses a token without the plan scope, and an outsider, storing nothing", async () => {
    const before = await campaigns();
    expect((await post("/marketing/campaigns", "Milo Read", valid)).status).toBe(403);
    expect((await post("/marketing/campaigns", "Out Sider", valid)).status).toBe(403);
    expect(await campaigns()).toBe(before);
  });

  it("refuses hostile text and dates with a 422 naming the field, storing nothing", async () => {
    const before = await campaigns();
    const failures: string[] = [];
    const cases: Array<[string, string]> = [];
    for (const v of ["\u0000", "a\u0000b", "y".repeat(100_000)])
      cases.push(["name", v], ["goal", v], ["owner", v]);
    for (const v of ["0000-00-00", "9999-12-31", "2026-02-30", "\u0000", "x".repeat(100_000)]) {
      cases.push(["startsOn", v], ["endsOn", v]);
    }
    for (const [field, value] of cases) {
      const res = await post("/marketing/campaigns", "Milo Member", { ...valid, [field]: value });
      const text = await res.text();
      if (res.status !== 422 || !text.includes(field))
        failures.push(`${field}=${value.slice(0, 20)} ${res.status}`);
    }
    expect(failures).toEqual([]);
    expect(await campaigns()).toBe(before);
  });
});

describe("drafts stay with the group", () => {
  it("never reach an outsider through a page, the feed, the export or calendar.ics", async () => {
    for (const as of [null, "Out Sider"]) {
      for (const path of [
        "/blog",
        "/blog/feed.atom",
        "/blog/export.json",
        "/blog/tags/news",
        "/marketing/calendar?view=month&date=2026-12-01",
        "/marketing/calendar?view=month&date=2026-12-01&state=draft",
        "/marketing/calendar?view=month&date=2026-12-01&state=approved",
        "/marketing/calendar.ics",
        "/marketing/items",
        "/marketing/strategy",
        "/marketing/matrix",
      ]) {
        const res = await request(path, as);
        const text = await res.text();
        expect(text, `${as} ${path}`).not.toContain("Secret");
        if (path === "/blog") expect(text).toContain("Public post");
      }
      for (const slug of ["secret-draft", "secret-review", "secret-approved"]) {
        expect((await request(`/blog/${slug}`, as)).status, `${as} ${slug}`).toBe(404);
      }
      for (const id of [ids["Secret draft"], ids["Secret review"], ids["Secret approved"]]) {
        const res = await request(`/marketing/items/${id}`, as);
        expect(res.status, `${as} item ${id}`).not.toBe(200);
        expect(await res.text()).not.toContain("Secret");
      }
    }
  });
});

describe("content items", () => {
  const fields = {
    kind: "blog-post",
    title: "Hostile",
    body: "Text.",
    slug: "hostile-post",
    summary: "S",
    authors: "Milo Member",
    tags: "news",
    socialCardUrl: "",
    socialCardAlt: "",
  };
  const itemCount = async () => (await database.db.select({ n: count() }).from(schema.marketingItems))[0]?.n;

  it("refuses hostile text in every field with a 422 naming it, storing nothing", async () => {
    const before = await itemCount();
    const failures: string[] = [];
    for (const field of [
      "title",
      "body",
      "slug",
      "summary",
      "authors",
      "tags",
      "socialCardUrl",
      "socialCardAlt",
    ]) {
      for (const v of ["\u0000", "a\u0000b", "y".repeat(100_001)]) {
        const res = await post("/marketing/items", "Milo Member", { ...fields, [field]: v });
        const text = await res.text();
        if (res.status !== 422 || !text.includes(field))
          failures.push(`${field}=${JSON.stringify(v.slice(0, 5))} ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await itemCount()).toBe(before);
  });

  it("records one decision when 20 approvals of the same review step arrive in parallel", async () => {
    const id = await item("Parallel review", "blog-post", {});
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    const [step] = await liveSteps(database.db, id);
    if (!step) throw new Error("no step");
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/marketing/items/${id}/steps/${step.id}`, "Mina Member", { decision: "approve", comment: "" }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303).length).toBe(1);
    const decided = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subjectId, String(id)));
    expect(decided.filter((a) => a.action.includes("approv")).length).toBeLessThanOrEqual(2);
  });
});

describe("planning, scheduling and revisions", () => {
  it("refuse hostile ids, days and times with a 4xx, never a 500, and change nothing", async () => {
    const id = await item("Plan target", "blog-post", {});
    const before = await database.db
      .select()
      .from(schema.marketingItems)
      .where(eq(schema.marketingItems.id, id));
    const failures: string[] = [];
    const BAD = ["\u0000", "2147483648", "9223372036854775808", "-1", "0.1", "1e308", "x".repeat(100_000)];
    const BAD_DAYS = ["0000-00-00", "9999-12-31", "2026-02-30", "\u0000", "x".repeat(100_000)];
    const BAD_TIMES = [
      "0000-00-00T00:00:00Z",
      "9999-12-31T23:59:59Z",
      "+275760-09-13T00:00:00Z",
      "2026-02-30T12:00",
      "\u0000",
    ];
    const check = async (label: string, res: Response) => {
      if (res.status >= 500 || res.status < 400) failures.push(`${label} ${res.status}`);
    };
    for (const v of BAD)
      await check(
        `plan campaign ${v.slice(0, 12)}`,
        await post(`/marketing/items/${id}/plan`, "Milo Member", { campaign: v, plannedOn: "" }),
      );
    for (const v of BAD_DAYS)
      await check(
        `plan day ${v.slice(0, 12)}`,
        await post(`/marketing/items/${id}/plan`, "Milo Member", { campaign: "", plannedOn: v }),
      );
    for (const v of BAD_TIMES)
      await check(
        `schedule ${v.slice(0, 12)}`,
        await post(`/marketing/items/${id}/schedule`, "Milo Member", { at: v }),
      );
    for (const v of BAD) {
      await check(
        `edit base ${v.slice(0, 12)}`,
        await post(`/marketing/items/${id}`, "Milo Member", { title: "T", body: "B", baseRevision: v }),
      );
      await check(
        `restore ${v.slice(0, 12)}`,
        await post(`/marketing/items/${id}/revisions/${encodeURIComponent(v)}/restore`, "Milo Member", {}),
      );
      await check(
        `diff ${v.slice(0, 12)}`,
        await request(`/marketing/items/${id}/diff?from=${encodeURIComponent(v)}`, "Milo Member"),
      );
      await check(
        `campaign edit ${v.slice(0, 12)}`,
        await post(`/marketing/campaigns/${encodeURIComponent(v)}`, "Milo Member", {
          name: "n",
          goal: "g",
          startsOn: "2026-12-01",
          endsOn: "2026-12-02",
          owner: "",
        }),
      );
      await check(
        `step ${v.slice(0, 12)}`,
        await post(`/marketing/items/${id}/steps/${encodeURIComponent(v)}`, "Mina Member", {
          decision: "approve",
        }),
      );
    }
    expect(failures).toEqual([]);
    const after = await database.db
      .select()
      .from(schema.marketingItems)
      .where(eq(schema.marketingItems.id, id));
    expect(after).toEqual(before);
  });
});
