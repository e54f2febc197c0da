/**
 * The public blog on the database: `/blog` lists published blog posts only, newest first, ten to a
 * page, with summary, authors, date and linked tags; an entry page carries its social card as Open
 * Graph tags; tag pages; the Atom feed read back by Python's feedparser (a missing module fails);
 * the export in djangoproject.com's Entry fields; and a scheduled post that appears only once the
 * `marketing.publish-due` job has run at or after its time, exactly once.
 */
import { execFileSync } from "node:child_process";
import { gunzipSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import { insertMarketingGroups } from "../../../test/factories/marketing.ts";
import type { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { dangerousAtom, dangerousHtml, hostileLine, hostileMarkdown } from "../hostile-markdown.fixtures.ts";
import { createItem } from "../items/create-item.ts";
import { moveItem } from "../items/move-item.ts";
import { publishDueJob } from "../marketing.jobs.ts";
import { imagesWithoutAlt } from "../render-markdown.ts";
import { type BlogPeople, makePost, postFields } from "./blog.fixtures.ts";

let database: Database;
let clock: FixedClock;
let app: Hono<AppEnv>;
let services: Services;
let people: BlogPeople;
const BASE = "http://guildhall.test";
const START = new Date("2026-11-21T12:00:00Z");
const HOUR = 3_600_000;

const get = (path: string) => app.request(path);
const text = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};
const deps = () => ({ database, clock, people });

/** The feed read by Python's feedparser: what a feed reader sees. */
function feedparser(xml: string) {
  const out = execFileSync(
    "/usr/bin/python3",
    [
      "-c",
      [
        "import sys, json, feedparser",
        "d = feedparser.parse(sys.stdin.read())",
        "print(json.dumps({'bozo': bool(d.bozo), 'version': d.version, 'title': d.feed.get('title'),",
        " 'updated': d.feed.get('updated'),",
        " 'entries': [{'title': e.title, 'link': e.link, 'id': e.id, 'updated': e.updated,",
        "   'published': e.get('published'), 'authors': [a.get('name') for a in e.get('authors', [])],",
        "   'tags': [t.term for t in e.get('tags', [])], 'summary': e.get('summary'),",
        "   'content': [c.value for c in e.get('content', [])]} for e in d.entries]}))",
      ].join("\n"),
    ],
    { input: xml, encoding: "utf8" },
  );
  return JSON.parse(out) as {
    bozo: boolean;
    version: string;
    title: string;
    updated: string;
    entries: Array<{
      title: string;
      link: string;
      id: string;
      updated: string;
      published: string | null;
      authors: string[];
      tags: string[];
      summary: string | null;
      content: string[];
    }>;
  };
}

/** The hidden ones: a draft, one in review, one approved, one scheduled, one archived after publishing. */
const HIDDEN = ["hidden-draft", "hidden-review", "hidden-approved", "hidden-scheduled", "hidden-archived"];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ clock, app, services } = await createTestApplication(database));
  const g = await insertMarketingGroups(database.db);
  const account = async (name: string) =>
    (
      await createTestAccount({
        db: database.db,
        clock,
        email: `${name.toLowerCase().replace(/\s+/gu, ".")}@example.org`,
        name,
        personId: g.people.get(name) ?? null,
      })
    ).user;
  const milo = await account("Milo Member");
  const mina = await account("Mina Member");
  people = {
    author: { userId: milo.id, name: milo.name },
    reviewer: { userId: mina.id, name: mina.name },
    marketingGroupId: g.marketing,
  };
  // Twelve published posts an hour apart (post-01 oldest), the hidden ones, and a published www page.
  for (let i = 1; i <= 12; i++) {
    clock.set(new Date(START.getTime() + i * HOUR));
    const n = String(i).padStart(2, "0");
    await makePost(
      deps(),
      postFields(`post-${n}`, {
        tags: i % 3 === 0 ? ["releases", "every third"] : ["news"],
        authors: i === 12 ? ["Milo Member", "Mina Member"] : ["Milo Member"],
        ...(i === 12
          ? {
              socialCardUrl: "https://example.org/cards/post-12.png",
              socialCardAlt: "A pony holding the number 12",
              body: "# Twelve\n\nSee [the docs](https://docs.djangoproject.com/).\n\n<script>alert(1)</script>",
            }
          : {}),
      }),
      "published",
    );
  }
  clock.set(new Date(START.getTime() + 13 * HOUR));
  await makePost(deps(), postFields("hidden-draft", { tags: ["news"] }), "draft");
  await makePost(deps(), postFields("hidden-review", { tags: ["news"] }), "in-review");
  await makePost(deps(), postFields("hidden-approved", { tags: ["news"] }), "approved");
  await makePost(
    deps(),
    postFields("hidden-scheduled", { tags: ["news"] }),
    "scheduled",
    new Date(START.getTime() + 1000 * HOUR),
  );
  const archived = await makePost(deps(), postFields("hidden-archived", { tags: ["news"] }), "published");
  await moveItem({ db: database.db, clock, itemId: archived, move: "archive", at: null, by: people.author });
  const page = await createItem({
    db: database.db,
    clock,
    kind: "www-page",
    network: null,
    fields: { ...postFields("a-www-page"), title: "Not a blog post" },
    by: people.author,
  });
  await database.db
    .update(schema.marketingItems)
    .set({ state: "published", publishedAt: clock.now() })
    .where(eq(schema.marketingItems.id, page.id));
});

afterAll(async () => {
  await database?.close();
});

const slugsIn = (html: string) => [...html.matchAll(/<h2><a href="\/blog\/([^"]+)">/gu)].map((m) => m[1]);

describe("the blog's pages", () => {
  it("/blog lists published posts newest first, ten a page, with summary, authors, date and tags", async () => {
    const first = await text("/blog");
    expect(slugsIn(first)).toEqual([
      "post-12",
      "post-11",
      "post-10",
      "post-09",
      "post-08",
      "post-07",
      "post-06",
      "post-05",
      "post-04",
      "post-03",
    ]);
    expect(first).toContain("Summary of post-12.");
    expect(first).toContain("by Milo Member, Mina Member");
    expect(first).toContain('<time datetime="2026-11-22T00:00:00.000Z">22 November 2026, 00:00 UTC</time>');
    expect(first).toContain('<a href="/blog/tags/every%20third" rel="tag">every third</a>');
    expect(first).toContain('<a href="/blog?page=2" rel="next">Older posts</a>');
    expect(first).toContain('<link rel="alternate" type="application/atom+xml"');
    const second = await text("/blog?page=2");
    expect(slugsIn(second)).toEqual(["post-02", "post-01"]);
    expect(second).toContain('<a href="/blog" rel="prev">Newer posts</a>');
    expect(second).not.toContain('rel="next"');
    expect((await get("/blog?page=3")).status).toBe(404);
    expect((await get("/blog?page=0")).status).toBe(422);
  });

  it("never shows a draft, a post in review, an approved, scheduled or archived one, or another kind", async () => {
    const pages = [
      await text("/blog"),
      await text("/blog?page=2"),
      await text("/blog/tags/news"),
      await text("/blog/feed.atom"),
      await text("/blog/export.json"),
    ].join("\n");
    for (const slug of [...HIDDEN, "a-www-page"]) {
      expect(pages).not.toContain(slug);
      expect((await get(`/blog/${slug}`)).status, slug).toBe(404);
    }
    expect(pages).not.toContain("Not a blog post");
    // Eight published posts are tagged news: counting the five hidden ones would make a second page.
    expect((await get("/blog/tags/news?page=2")).status).toBe(404);
  });

  it("an entry page: the sanitised body, linked tags, and the social card as og:image with its alt", async () => {
    const html = await text("/blog/post-12");
    expect(html).toContain("<h1>Post post-12</h1>");
    expect(html).toContain("<h1>Twelve</h1>");
    expect(html).toContain('<a href="https://docs.djangoproject.com/">the docs</a>');
    expect(html).not.toMatch(/<script/iu);
    expect(html).toContain('<meta property="og:image" content="https://example.org/cards/post-12.png"/>');
    expect(html).toContain('<meta property="og:image:alt" content="A pony holding the number 12"/>');
    expect(html).toContain('<meta property="og:title" content="Post post-12"/>');
    expect(html).toContain('<meta property="og:url" content="http://guildhall.test/blog/post-12"/>');
    expect(html).toContain('<meta property="og:description" content="Summary of post-12."/>');
    expect(html).toContain('<a href="/blog/tags/releases" rel="tag">releases</a>');
    // A post without a card has no og:image.
    const plain = await text("/blog/post-11");
    expect(plain).not.toContain("og:image");
    expect(plain).toContain('<a href="/blog/tags/news" rel="tag">news</a>');
    expect((await get("/blog/no-such-post")).status).toBe(404);
  });

  it("a tag page lists that tag's published posts only; an unknown tag is a 404", async () => {
    expect(slugsIn(await text("/blog/tags/releases"))).toEqual(["post-12", "post-09", "post-06", "post-03"]);
    expect(slugsIn(await text("/blog/tags/every%20third"))).toEqual([
      "post-12",
      "post-09",
      "post-06",
      "post-03",
    ]);
    const news = await text("/blog/tags/news");
    expect(slugsIn(news)).toEqual(
      ["post-11", "post-10", "post-08", "post-07", "post-05", "post-04"].concat(["post-02", "post-01"]),
    );
    expect(news).toContain("<h1>Blog posts tagged “news”</h1>");
    expect((await get("/blog/tags/nothing-here")).status).toBe(404);
  });
});

describe("the Atom feed (feedparser)", () => {
  it("has every published post with its title, link, dates, authors and tags, and nothing else", async () => {
    const res = await get("/blog/feed.atom");
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = feedparser(await res.text());
    expect(feed.bozo).toBe(false);
    expect(feed.version).toBe("atom10");
    expect(feed.updated).toBe("2026-11-22T00:00:00.000Z");
    expect(feed.entries.map((e) => e.title)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Post post-${String(12 - i).padStart(2, "0")}`),
    );
    const top = feed.entries[0];
    expect(top).toMatchObject({
      link: `${BASE}/blog/post-12`,
      id: `${BASE}/blog/post-12`,
      updated: "2026-11-22T00:00:00.000Z",
      published: "2026-11-22T00:00:00.000Z",
      authors: ["Milo Member", "Mina Member"],
      tags: ["releases", "every third"],
    });
    expect(top?.content[0]).toContain("<h1>Twelve</h1>");
    expect(top?.content[0]).not.toContain("<script");
    expect(feed.entries[11]).toMatchObject({
      link: `${BASE}/blog/post-01`,
      updated: "2026-11-21T13:00:00.000Z",
    });
  });
});

describe("the export in djangoproject.com's Entry fields", () => {
  it("is an array of published posts with exactly headline, slug, pub_date, is_active, content_format, summary, body, author", async () => {
    const res = await get("/blog/export.json");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/u);
    const entries = (await res.json()) as Array<Record<string, unknown>>;
    expect(entries.map((e) => e.slug)).toEqual(
      Array.from({ length: 12 }, (_, i) => `post-${String(12 - i).padStart(2, "0")}`),
    );
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(
        ["author", "body", "content_format", "headline", "is_active", "pub_date", "slug", "summary"].sort(),
      );
    }
    expect(entries[0]).toEqual({
      headline: "Post post-12",
      slug: "post-12",
      pub_date: "2026-11-22T00:00:00.000Z",
      is_active: true,
      content_format: "html",
      summary: "<p>Summary of post-12.</p>",
      body: expect.stringContaining('<a href="https://docs.djangoproject.com/">the docs</a>'),
      author: "Milo Member, Mina Member",
    });
    expect(String(entries[0]?.body)).not.toContain("<script");
  });
});

describe("scheduled publishing", () => {
  it("a scheduled post appears on /blog and in the feed only once publish-due runs at or after its time, once", async () => {
    clock.set(new Date(START.getTime() + 20 * HOUR));
    const at = new Date(START.getTime() + 22 * HOUR);
    const id = await makePost(deps(), postFields("on-time", { title: "Right on time" }), "scheduled", at);
    const runJob = () =>
      publishDueJob.run(
        {},
        {
          deps: services,
          job: { id: "test", name: publishDueJob.name, attempt: 0 },
          log: services.log,
          jobs: { send: async () => null },
          outbound: (fn) => fn(),
        },
      ) as Promise<{ published: number[] }>;
    const visible = async () => ({
      list: slugsIn(await text("/blog")).includes("on-time"),
      feed: feedparser(await text("/blog/feed.atom")).entries.filter((e) => e.link === `${BASE}/blog/on-time`)
        .length,
      page: (await get("/blog/on-time")).status,
    });

    // Before its time the job publishes nothing, however often it runs.
    expect(await visible()).toEqual({ list: false, feed: 0, page: 404 });
    clock.set(new Date(at.getTime() - 1000));
    expect((await runJob()).published).toEqual([]);
    expect(await visible()).toEqual({ list: false, feed: 0, page: 404 });
    // Its time has come, but until the job runs it stays hidden.
    clock.set(at);
    expect(await visible()).toEqual({ list: false, feed: 0, page: 404 });
    expect((await runJob()).published).toEqual([id]);
    expect(await visible()).toEqual({ list: true, feed: 1, page: 200 });
    // Running again (the next five-minute tick) publishes it no second time.
    clock.set(new Date(at.getTime() + 5 * 60_000));
    expect((await runJob()).published).toEqual([]);
    expect(await visible()).toEqual({ list: true, feed: 1, page: 200 });
    const [row] = await database.db
      .select()
      .from(schema.marketingItems)
      .where(eq(schema.marketingItems.id, id));
    expect(row?.publishedAt?.toISOString()).toBe(at.toISOString());
    const audits = await database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.subjectType, "marketing-item"), eq(schema.auditLog.subjectId, String(id))),
      );
    const published = audits.filter((a) => (a.after as { state?: string } | null)?.state === "published");
    expect(published).toHaveLength(1);
    expect(published[0]?.actor).toContain("scheduler");
    expect(slugsIn(await text("/blog"))[0]).toBe("on-time");
  });
});

describe("hostile posts through the database and HTTP", () => {
  it("no script, on* handler or script address reaches an entry page or the feed; the feed stays well-formed", async () => {
    const posts = fc
      .sample(
        fc.record({
          body: hostileMarkdown,
          title: hostileLine,
          summary: hostileLine,
          tags: fc.array(hostileLine, { maxLength: 3 }),
          alt: hostileLine,
        }),
        { numRuns: 40, seed: 14 },
      )
      .filter((p) => imagesWithoutAlt(p.body).length === 0)
      .slice(0, 20);
    expect(posts.length).toBeGreaterThan(10);
    clock.set(new Date(START.getTime() + 30 * HOUR));
    for (const [i, p] of posts.entries()) {
      clock.advance(60_000);
      await makePost(
        deps(),
        postFields(`hostile-${i}`, {
          title: p.title,
          body: p.body,
          summary: p.summary,
          authors: [p.alt],
          tags: p.tags,
          socialCardUrl: "https://example.org/card.png",
          socialCardAlt: p.alt,
        }),
        "published",
      );
    }
    for (const i of posts.keys()) {
      const html = await text(`/blog/hostile-${i}`);
      expect(dangerousHtml(html, { page: true }), `hostile-${i}`).toEqual([]);
    }
    for (const path of ["/blog", "/blog?page=2", "/blog/tags/news"]) {
      expect(dangerousHtml(await text(path), { page: true }), path).toEqual([]);
    }
    const xml = await text("/blog/feed.atom");
    expect(dangerousAtom(xml)).toEqual([]);
    const feed = feedparser(xml);
    expect(feed.bozo).toBe(false);
    expect(feed.entries.filter((e) => e.link.startsWith(`${BASE}/blog/hostile-`))).toHaveLength(posts.length);
    // Titles are text: feedparser reads back exactly what was typed.
    expect(feed.entries.find((e) => e.link === `${BASE}/blog/hostile-0`)?.title).toBe(posts[0]?.title);
    const exported = (await (await get("/blog/export.json")).json()) as Array<{
      body: string;
      summary: string;
    }>;
    for (const e of exported) expect([...dangerousHtml(e.body), ...dangerousHtml(e.summary)]).toEqual([]);
  });
});

describe("the anonymous visitors' cache", () => {
  it("serves pages from memory until a content item is written, then renders them again", async () => {
    const slug = "post-05";
    expect(await text(`/blog/${slug}`)).toContain("<h1>Post post-05</h1>");
    expect(await text("/blog/feed.atom")).toContain("Post post-05");
    // Any write to the items table (here by hand, as a migration or another tool might) drops the cache.
    await database.db
      .update(schema.marketingItems)
      .set({ title: "Renamed five" })
      .where(eq(schema.marketingItems.slug, slug));
    expect(await text(`/blog/${slug}`)).toContain("<h1>Renamed five</h1>");
    expect(await text("/blog/feed.atom")).toContain("Renamed five");
    await database.db
      .update(schema.marketingItems)
      .set({ state: "archived" })
      .where(eq(schema.marketingItems.slug, slug));
    expect((await get(`/blog/${slug}`)).status).toBe(404);
    expect(await text("/blog/feed.atom")).not.toContain("Renamed five");
  });

  it("sends the cached body gzipped to a client that accepts it, the same bytes once unzipped", async () => {
    const plain = await text("/blog/feed.atom");
    const res = await app.request("/blog/feed.atom", { headers: { "accept-encoding": "gzip, br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const zipped = Buffer.from(await res.arrayBuffer());
    expect(zipped.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(zipped).toString("utf8")).toBe(plain);
  });
});
