/**
 * The editorial calendar and campaigns on the database: what each visitor sees on the month and week
 * views (drafts only for the group), clashes and gaps on the page, filters, the iCalendar feed read
 * back by python3-icalendar (no drafts, stable UIDs, SEQUENCE growing), the campaign tracker's
 * access and forms, and planning an item.
 */
import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemFields, type MarketingTest, openMarketingTest } from "../../test/factories/marketing.ts";
import { requirePythonModules } from "../../test/prerequisites.ts";
import { schema } from "../platform/db/index.ts";
import { planItem } from "./campaigns/plan-item.ts";
import { createCampaign } from "./campaigns/save-campaign.ts";
import type { ContentKind } from "./content-kinds.ts";
import { placeItem } from "./items/items.fixtures.ts";
import { moveItem } from "./items/move-item.ts";
import { itemUid } from "./render-calendar-ics.ts";

let database: MarketingTest["database"];
let clock: MarketingTest["clock"];
let g: MarketingTest["g"];
let who: MarketingTest["who"];
let request: MarketingTest["request"];
let post: MarketingTest["post"];
const ids: Record<string, number> = {};
let campaignId = 0;

const page = async (path: string, as: string | null) => {
  const res = await request(path, as);
  return { status: res.status, html: await res.text(), res };
};

/** An item put straight into a state at a time (the workflow itself is tested in marketing.db.test.ts). */
async function item(
  title: string,
  kind: ContentKind,
  network: string | null,
  set: Partial<typeof schema.marketingItems.$inferInsert>,
) {
  const blog = kind === "blog-post";
  const fields = itemFields(title, {
    body: `Body of ${title}. PRIVATE-BODY`,
    slug: blog ? title.toLowerCase().replace(/[^a-z0-9]+/gu, "-") : null,
    summary: blog ? "A summary." : null,
    authors: blog ? ["Milo Member"] : [],
  });
  const id = await placeItem(
    { db: database.db, clock },
    { kind, network, fields, by: who("Milo Member"), set },
  );
  ids[title] = id;
  return id;
}

beforeAll(async () => {
  ({ database, clock, g, who, request, post } = await openMarketingTest({
    names: ["Mara Chair", "Milo Member", "Dee Member", "Out Sider", "Bo Board"],
    roles: [
      ["Dee Member", "dsf-member"],
      ["Bo Board", "board-member"],
    ],
  }));

  ({ id: campaignId } = await createCampaign({
    db: database.db,
    clock,
    fields: {
      name: "Year-end fundraiser",
      goal: "Raise money for the Fellows.",
      startsOn: "2026-12-01",
      endsOn: "2026-12-31",
      owner: null,
    },
    by: who("Milo Member"),
  }));
  // Two blog items on 10 December clash; the Mastodon post that day does not.
  await item("Blog ten A", "blog-post", null, {
    state: "scheduled",
    scheduledFor: new Date("2026-12-10T09:00:00Z"),
    campaignId,
  });
  await item("Blog ten B", "blog-post", null, {
    state: "published",
    publishedAt: new Date("2026-11-20T10:00:00Z"),
    scheduledFor: null,
  });
  // Published at the 10th in fact: move its publication time there.
  await database.db
    .update(schema.marketingItems)
    .set({ publishedAt: new Date("2026-12-10T15:00:00Z") })
    .where(eq(schema.marketingItems.id, ids["Blog ten B"] ?? 0));
  await item("Toot ten", "social-post", "mastodon", {
    state: "scheduled",
    scheduledFor: new Date("2026-12-10T12:00:00Z"),
  });
  await item("Secret draft", "blog-post", null, { plannedOn: "2026-12-17", campaignId });
  await item("Undated draft", "www-page", null, {});
});

afterAll(async () => {
  await database?.close();
});

const DEC = "/marketing/calendar?view=month&date=2026-12-01";

describe("the month view", () => {
  it("shows the public scheduled and published items with their clash, and no draft, to anyone", async () => {
    for (const as of [null, "Out Sider", "Dee Member"]) {
      const { status, html } = await page(DEC, as);
      expect(status).toBe(200);
      expect(html).toContain("Editorial calendar: December 2026");
      for (const t of ["Blog ten A", "Blog ten B", "Toot ten"]) expect(html).toContain(t);
      expect(html).not.toContain("Secret draft");
      expect(html).not.toContain("Undated draft");
      expect(html).not.toContain("PRIVATE-BODY");
      expect(html).toContain('<span class="flag bad">Clash</span>');
      expect(html).toMatch(/Clashes \(1\)/u);
      expect(html).toMatch(/10 December 2026<\/time>, blog: 2 items \(Blog ten A; Blog ten B\)/u);
      // The scheduled item's page is the group's: no link to it for the public; the published one links.
      expect(html).not.toContain(`href="/marketing/items/${ids["Blog ten A"]}"`);
      expect(html).toContain(`href="/marketing/items/${ids["Blog ten B"]}"`);
    }
  });

  it("shows the group its drafts on their planned day, and those without a day", async () => {
    const { html } = await page(DEC, "Milo Member");
    expect(html).toContain("Secret draft");
    expect(html).toContain("Not on the calendar yet (1)");
    expect(html).toContain("Undated draft");
    expect(html).toContain(`href="/marketing/items/${ids["Blog ten A"]}"`);
    expect(html).toContain("Year-end fundraiser");
  });

  it("marks the weeks with nothing on a channel in use as gaps", async () => {
    const { html } = await page(DEC, null);
    // blog and social/mastodon only have the week of 7 December.
    expect(html).toMatch(/Gaps \(8\)/u);
    expect(html).toMatch(
      /Week of <time datetime="2026-12-14">14 December 2026<\/time>: nothing on blog, social\/mastodon \(nothing at all this week\)/u,
    );
    expect(html).not.toMatch(/Week of <time datetime="2026-12-07">/u);
  });

  it("lays the grid out in whole weeks, days outside the month marked", async () => {
    const { html } = await page(DEC, null);
    expect(html).toContain('class="month-grid"');
    expect(html.match(/<tr>/gu)?.length).toBe(6); // header and five weeks
    expect(html).toMatch(/<td class="out empty"><span class="day"><time datetime="2026-11-30">/u);
  });
});

describe("filters", () => {
  it("filter by channel, state and (for those who see campaigns) campaign", async () => {
    const titles = (html: string) =>
      ["Blog ten A", "Blog ten B", "Toot ten", "Secret draft"].filter((t) => html.includes(t));
    expect(titles((await page(`${DEC}&channel=social%2Fmastodon`, null)).html)).toEqual(["Toot ten"]);
    expect(titles((await page(`${DEC}&state=published`, null)).html)).toEqual(["Blog ten B"]);
    expect(titles((await page(`${DEC}&campaign=${campaignId}`, "Milo Member")).html)).toEqual([
      "Blog ten A",
      "Secret draft",
    ]);
    expect(titles((await page(`${DEC}&state=draft`, "Milo Member")).html)).toEqual(["Secret draft"]);
  });

  it("never shows the public a draft by asking for drafts, nor campaigns", async () => {
    const drafts = await page(`${DEC}&state=draft`, null);
    expect(drafts.status).toBe(200);
    expect(drafts.html).not.toContain("Secret draft");
    expect(drafts.html).not.toContain("Blog ten");
    const byCampaign = await page(`${DEC}&campaign=${campaignId}`, null);
    expect(byCampaign.html).not.toContain("Year-end fundraiser");
    expect(byCampaign.html).not.toContain('name="campaign"');
    expect(byCampaign.html).toContain("Toot ten"); // the campaign filter is not theirs: ignored
  });

  it("is a GET form keeping the filters in the previous and next links", async () => {
    const { html } = await page(`${DEC}&channel=blog`, null);
    expect(html).toMatch(/<form method="get" action="\/marketing\/calendar"/u);
    expect(html).toContain('href="/marketing/calendar?view=month&amp;date=2027-01-01&amp;channel=blog"');
    expect(html).toContain('href="/marketing/calendar?view=month&amp;date=2026-11-01&amp;channel=blog"');
  });

  it("refuses a view or channel it does not know", async () => {
    expect((await page("/marketing/calendar?view=year", null)).status).toBe(422);
    expect((await page("/marketing/calendar?channel=fax", null)).status).toBe(422);
  });
});

describe("the week view", () => {
  it("lists each day of the week with times, and says when a day is empty", async () => {
    const { html } = await page("/marketing/calendar?view=week&date=2026-12-09", null);
    expect(html).toContain("Editorial calendar: week of 2026-12-07");
    expect(html).toContain('<ol class="week-list">');
    expect(html).toContain('Thursday <time datetime="2026-12-10">');
    expect(html).toContain('datetime="2026-12-10T09:00:00.000Z"');
    expect(html.match(/Nothing on any channel\./gu)?.length).toBe(6);
  });

  it("defaults to this month by the clock", async () => {
    expect((await page("/marketing/calendar", null)).html).toContain("Editorial calendar: November 2026");
  });
});

const PY_ICS = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for e in cal.walk('VEVENT'):
    out.append({'uid': str(e['uid']), 'sequence': int(e.get('sequence', 0)), 'summary': str(e['summary']),
                'start': e.get('dtstart').dt.isoformat()})
print(json.dumps(out))
`;
type FeedEvent = { uid: string; sequence: number; summary: string; start: string };
const parseIcs = (text: string): FeedEvent[] =>
  JSON.parse(
    execFileSync(requirePythonModules(["icalendar"]), ["-c", PY_ICS], { input: text, encoding: "utf8" }),
  ) as FeedEvent[];

describe("the iCalendar feed", () => {
  it("has the scheduled and published items only, with stable UIDs and a SEQUENCE that grows", async () => {
    const res = await request("/marketing/calendar.ics", null);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const text = await res.text();
    expect(text).not.toContain("Secret draft");
    expect(text).not.toContain("Undated draft");
    expect(text).not.toContain("PRIVATE-BODY");
    const events = parseIcs(text);
    expect(events.map((e) => e.summary).sort()).toEqual([
      "blog: Blog ten A",
      "blog: Blog ten B",
      "social/mastodon: Toot ten",
    ]);
    const a = events.find((e) => e.uid === itemUid(ids["Blog ten A"] ?? 0));
    expect(a?.start).toBe("2026-12-10T09:00:00+00:00");

    // Publishing A is a recorded change: same UID, higher SEQUENCE; a draft planned later stays out.
    await moveItem({
      db: database.db,
      clock,
      itemId: ids["Blog ten A"] ?? 0,
      move: "publish",
      at: null,
      by: who("Milo Member"),
    });
    const after = parseIcs(await (await request("/marketing/calendar.ics", null)).text());
    const a2 = after.find((e) => e.uid === a?.uid);
    expect(a2?.sequence).toBeGreaterThan(a?.sequence ?? 0);
    expect(after).toHaveLength(3);
    // Put A back as it was for the other tests.
    await database.db
      .update(schema.marketingItems)
      .set({ state: "scheduled", publishedAt: null })
      .where(eq(schema.marketingItems.id, ids["Blog ten A"] ?? 0));
  });
});

describe("campaigns", () => {
  it("are visible to DSF members and the group, refused to others", async () => {
    const anon = await request("/marketing/campaigns", null);
    expect([302, 303]).toContain(anon.status);
    expect(anon.headers.get("location")).toMatch(/^\/sign-in/u);
    expect((await request("/marketing/campaigns", "Out Sider")).status).toBe(403);
    expect((await request(`/marketing/campaigns/${campaignId}`, "Out Sider")).status).toBe(403);
    const dee = await page("/marketing/campaigns", "Dee Member");
    expect(dee.status).toBe(200);
    expect(dee.html).toContain("Year-end fundraiser");
    expect(dee.html).toContain("0 of 2 published (0%)");
    expect(dee.html).not.toContain("New campaign");
    expect((await page("/marketing/campaigns", "Milo Member")).html).toContain("New campaign");
    expect((await page("/marketing/campaigns", "Bo Board")).status).toBe(200);
  });

  it("show their items, states, owner, dates and progress; links only where the viewer may go", async () => {
    const dee = await page(`/marketing/campaigns/${campaignId}`, "Dee Member");
    expect(dee.status).toBe(200);
    expect(dee.html).toContain("Secret draft");
    expect(dee.html).toContain("Draft: 1");
    expect(dee.html).toContain("Scheduled: 1");
    expect(dee.html).toContain("Milo Member");
    expect(dee.html).toContain('datetime="2026-12-31"');
    expect(dee.html).not.toContain(`href="/marketing/items/${ids["Secret draft"]}"`);
    expect(dee.html).not.toContain("Edit the campaign");
    const milo = await page(`/marketing/campaigns/${campaignId}`, "Milo Member");
    expect(milo.html).toContain(`href="/marketing/items/${ids["Secret draft"]}"`);
    expect(milo.html).toContain("Edit the campaign");
    expect((await request("/marketing/campaigns/99999", "Dee Member")).status).toBe(404);
  });

  it("are created and edited by the group, with their period and owner checked", async () => {
    const fields = {
      name: "Spring push",
      goal: "More members.",
      startsOn: "2027-03-01",
      endsOn: "2027-03-31",
    };
    expect((await post("/marketing/campaigns", "Dee Member", fields)).status).toBe(403);
    const bad = await post("/marketing/campaigns", "Milo Member", { ...fields, endsOn: "2027-02-01" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("must be on or after the start");
    const res = await post("/marketing/campaigns", "Milo Member", fields);
    expect(res.status).toBe(303);
    const id = Number(res.headers.get("location")?.split("/").pop());
    const [row] = await database.db
      .select()
      .from(schema.marketingCampaigns)
      .where(eq(schema.marketingCampaigns.id, id));
    expect(row).toMatchObject({ name: "Spring push", ownerName: "Milo Member", endsOn: "2027-03-31" });

    const notMember = await post(`/marketing/campaigns/${id}`, "Milo Member", {
      ...fields,
      owner: "dee.member@example.org",
    });
    expect(notMember.status).toBe(422);
    expect(await notMember.text()).toContain("must take part in the Marketing WG");
    expect(
      (
        await post(`/marketing/campaigns/${id}`, "Milo Member", {
          ...fields,
          owner: "mara.chair@example.org",
        })
      ).status,
    ).toBe(303);
    const [edited] = await database.db
      .select()
      .from(schema.marketingCampaigns)
      .where(eq(schema.marketingCampaigns.id, id));
    expect(edited?.ownerName).toBe("Mara Chair");
    expect((await post(`/marketing/campaigns/${id}`, "Dee Member", fields)).status).toBe(403);
  });

  it("refuse a period that ends before it starts in the database too", async () => {
    await expect(
      database.db.insert(schema.marketingCampaigns).values({
        name: "x",
        goal: "x",
        startsOn: "2027-01-02",
        endsOn: "2027-01-01",
        ownerName: "x",
        groupId: g.marketing,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      }),
    ).rejects.toThrow();
  });
});

describe("planning an item", () => {
  it("puts an item in a campaign and on a day (the group), and it moves onto the calendar", async () => {
    const id = ids["Undated draft"] ?? 0;
    const form = { campaign: String(campaignId), plannedOn: "2026-12-22" };
    expect((await post(`/marketing/items/${id}/plan`, "Dee Member", form)).status).toBe(403);
    expect(
      (await post(`/marketing/items/${id}/plan`, "Milo Member", { ...form, campaign: "99999" })).status,
    ).toBe(422);
    expect((await post(`/marketing/items/${id}/plan`, "Milo Member", form)).status).toBe(303);
    const [row] = await database.db
      .select()
      .from(schema.marketingItems)
      .where(eq(schema.marketingItems.id, id));
    expect(row).toMatchObject({ campaignId, plannedOn: "2026-12-22" });
    const { html } = await page(DEC, "Milo Member");
    expect(html).not.toContain("Not on the calendar yet");
    const cell = html.slice(html.indexOf('datetime="2026-12-22"'));
    expect(cell.slice(0, cell.indexOf("</td>"))).toContain("Undated draft");
    const item = await page(`/marketing/items/${id}`, "Milo Member");
    expect(item.html).toContain("Campaign and planned day");
    // And out again.
    await planItem({
      db: database.db,
      clock,
      itemId: id,
      campaignId: null,
      plannedOn: null,
      by: who("Milo Member"),
    });
    expect((await page(DEC, "Milo Member")).html).toContain("Not on the calendar yet (1)");
  });
});
