/** Routes of the editorial calendar (page, iCalendar feed) and the campaign tracker. */
import { z } from "zod";
import { dayOf } from "../kernel/rules.ts";
import { renderPage } from "../platform/http/layout.tsx";
import type { Services } from "../platform/services.ts";
import { Id, OptionalDay, OptionalId, optionalOneOf } from "../platform/validation.ts";
import {
  addDays,
  CALENDAR_VIEWS,
  campaignProgress,
  clashesOf,
  type Entry,
  gapsOf,
  IN_USE_DAYS,
  periodOf,
  placeOf,
} from "./calendar.ts";
import { type CalendarEntry, CalendarPage, CampaignPage, CampaignsPage } from "./calendar.views.tsx";
import { CampaignFieldsSchema, createCampaign, editCampaign } from "./campaigns/save-campaign.ts";
import {
  CALENDAR_PUBLIC_STATES,
  CHANNELS,
  type ContentKind,
  channelOf,
  ITEM_STATES,
  type ItemState,
  kindOfChannel,
} from "./content-kinds.ts";
import {
  campaignItems,
  campaignStateCounts,
  getCampaign,
  type ItemRow,
  itemChangeCounts,
  listCalendarItems,
  listCampaigns,
  listItemsInStates,
  listUnplacedItems,
} from "./marketing.repo.ts";
import { can, type MarketingRouter } from "./marketing.router.ts";
import { type FeedItem, renderCalendarIcs } from "./render-calendar-ics.ts";
import { marketingRouteSubjects } from "./route-subjects.ts";

const ICS_TYPE = { "content-type": "text/calendar; charset=utf-8" };

const CalendarQuery = z.object({
  view: optionalOneOf(CALENDAR_VIEWS),
  date: OptionalDay,
  channel: optionalOneOf(CHANNELS),
  campaign: OptionalId,
  state: optionalOneOf(ITEM_STATES),
});

/** The calendar's channel of a stored item. */
export function itemChannel(item: ItemRow) {
  return channelOf(item.kind as ContentKind, item.network);
}

/** Adds the calendar and campaign routes to the marketing router. */
export function addCalendarRoutes(router: MarketingRouter, services: Services): void {
  const db = services.database.db;
  const clock = services.clock;
  const { groupResource, by, mayOnGroup } = marketingRouteSubjects(services);
  type C = Parameters<Parameters<typeof router.get>[1]["handler"]>[0];
  const mayPlan = (c: C) => mayOnGroup(c, "marketing.plan");

  router.get("/marketing/calendar", {
    query: CalendarQuery,
    handler: async (c, { query }) => {
      const showsDrafts = await mayOnGroup(c, "marketing.write");
      const seesCampaigns = await mayOnGroup(c, "marketing.view-campaigns");
      const visible: readonly ItemState[] = showsDrafts ? ITEM_STATES : CALENDAR_PUBLIC_STATES;
      const state = query.state && visible.includes(query.state) ? query.state : null;
      const states = query.state ? (state ? [state] : []) : visible;
      const campaignId = seesCampaigns ? query.campaign : null;
      const channel = query.channel ?? null;
      const period = periodOf(query.view ?? "month", query.date ?? dayOf(clock.now()));
      const rows = (
        await listCalendarItems(db, {
          from: addDays(period.start, -IN_USE_DAYS),
          to: period.end,
          states,
          campaignId,
          kind: channel === null ? null : kindOfChannel(channel),
        })
      ).filter((i) => channel === null || itemChannel(i) === channel);
      const all: (Entry & { item: ItemRow })[] = [];
      for (const item of rows) {
        const day = placeOf(item);
        if (day !== null) all.push({ id: item.id, channel: itemChannel(item), day, item });
      }
      const shown = all
        .filter((e) => e.day >= period.start && e.day <= period.end)
        .sort((a, b) => {
          const at = (e: typeof a) => (e.item.publishedAt ?? e.item.scheduledFor)?.getTime() ?? 0;
          return (
            a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel) || at(a) - at(b) || a.id - b.id
          );
        });
      const clashes = clashesOf(shown);
      const clashing = new Set(clashes.flatMap((k) => k.ids));
      const { gaps, emptyWeeks } = gapsOf(period, all);
      const campaigns = seesCampaigns ? await listCampaigns(db) : null;
      const names = new Map((campaigns ?? []).map((k) => [k.id, k.name]));
      const entries: CalendarEntry[] = shown.map((e) => ({
        item: e.item,
        channel: e.channel,
        day: e.day,
        clash: clashing.has(e.id),
        link: showsDrafts || e.item.state === "published",
        campaign: e.item.campaignId === null ? null : (names.get(e.item.campaignId) ?? null),
      }));
      const unplaced = showsDrafts
        ? (await listUnplacedItems(db, states)).filter(
            (i) =>
              (channel === null || itemChannel(i) === channel) &&
              (campaignId === null || i.campaignId === campaignId),
          )
        : [];
      return c.html(
        await renderPage(
          <CalendarPage
            m={{
              period,
              filter: { channel, campaign: campaignId, state },
              entries,
              clashes,
              gaps,
              emptyWeeks,
              campaigns: campaigns?.map((k) => ({ id: k.id, name: k.name })) ?? null,
              states: visible,
              showsDrafts,
              unplaced,
            }}
          />,
        ),
      );
    },
  });

  // Rendering is the feed's cost (ical-generator: about 0.5 ms an event), and its text depends only
  // on the rows read below: the last feed is kept and served again while they are unchanged.
  let lastFeed: { key: string; body: string } | null = null;
  router.get("/marketing/calendar.ics", {
    handler: async (c) => {
      const items = await listItemsInStates(db, CALENDAR_PUBLIC_STATES);
      const counts = await itemChangeCounts(
        db,
        items.map((i) => i.id),
      );
      const feed: FeedItem[] = [];
      for (const i of items) {
        const at = i.publishedAt ?? i.scheduledFor;
        if (!at) continue;
        feed.push({
          id: i.id,
          title: i.title,
          channel: itemChannel(i),
          state: i.state === "published" ? "published" : "scheduled",
          at,
          sequence: counts.get(i.id) ?? 0,
          updatedAt: i.updatedAt,
        });
      }
      const key = feed
        .map(
          (f) =>
            `${f.id}.${f.sequence}.${f.updatedAt.getTime()}.${f.at.getTime()}.${f.state}.${f.channel}.${f.title}`,
        )
        .join("\n");
      if (lastFeed?.key === key) return c.body(lastFeed.body, 200, ICS_TYPE);
      const base = services.config.baseUrl;
      const body = renderCalendarIcs({
        name: "DSF editorial calendar",
        items: feed,
        pageUrl: (i) =>
          i.state === "published"
            ? `${base}/marketing/items/${i.id}`
            : `${base}/marketing/calendar?view=week&date=${dayOf(i.at)}`,
      });
      lastFeed = { key, body };
      return c.body(body, 200, ICS_TYPE);
    },
  });

  const progressOf = async () => {
    const counts = await campaignStateCounts(db);
    return (id: number) =>
      campaignProgress(counts.filter((r) => r.campaignId === id).flatMap((r) => Array(r.n).fill(r.state)));
  };

  const campaignsPage = async (c: C) => {
    const progress = await progressOf();
    const campaigns = (await listCampaigns(db)).map((k) => ({ c: k, progress: progress(k.id) }));
    return c.html(await renderPage(<CampaignsPage campaigns={campaigns} canPlan={await mayPlan(c)} />));
  };

  router.get("/marketing/campaigns", {
    action: "marketing.view-campaigns",
    resource: groupResource,
    handler: (c) => campaignsPage(c),
  });

  router.post("/marketing/campaigns", {
    form: CampaignFieldsSchema,
    action: "marketing.plan",
    resource: groupResource,
    page: (c) => campaignsPage(c),
    handler: async (c, { body }) => {
      const { id } = await createCampaign({ db, clock, fields: body, by: by(c) });
      return c.redirect(`/marketing/campaigns/${id}`, 303);
    },
  });

  const campaignPage = async (c: C, id: number) => {
    const campaign = await getCampaign(db, id);
    const items = await campaignItems(db, id);
    const showsDrafts = await can(c, services, "marketing.write", groupResource);
    return c.html(
      await renderPage(
        <CampaignPage
          c={campaign}
          items={items}
          progress={campaignProgress(items.map((i) => i.state))}
          canPlan={await mayPlan(c)}
          linkable={new Set(items.filter((i) => showsDrafts || i.state === "published").map((i) => i.id))}
        />,
      ),
    );
  };

  const CampaignParams = z.object({ id: Id });

  router.get("/marketing/campaigns/:id", {
    params: CampaignParams,
    action: "marketing.view-campaigns",
    resource: groupResource,
    handler: (c, { params }) => campaignPage(c, params.id),
  });

  router.post("/marketing/campaigns/:id", {
    params: CampaignParams,
    form: CampaignFieldsSchema,
    action: "marketing.plan",
    resource: groupResource,
    page: (c, { params }) => campaignPage(c, params.id),
    handler: async (c, { params, body }) => {
      await editCampaign({ db, clock, campaignId: params.id, fields: body, by: by(c) });
      return c.redirect(`/marketing/campaigns/${params.id}`, 303);
    },
  });
}

/** The form that plans an item: its campaign and its planned day. */
export const PlanForm = z.object({ campaign: OptionalId, plannedOn: OptionalDay });
