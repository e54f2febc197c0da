/**
 * A group's chat channel settings page: only the group's Chairs and site administrators see it or
 * set the webhook (`group.channels`); nobody else learns whether one is set, and the URL is shown
 * to no one once saved.
 */
import type { Context } from "hono";
import { z } from "zod";
import { webhookOf } from "../../kernel/index.ts";
import { schema } from "../../platform/db/index.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Flag, oneOf, optionalText } from "../../platform/validation.ts";
import { requireViewer } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { groupBySlug, SlugParams } from "../policy/route-subjects.ts";
import { ChannelsPage } from "./channels.views.tsx";
import { groupOwner, removeGroupWebhook, setGroupWebhook } from "./set-group-webhook.ts";

type Ctx = Context<AppEnv>;

/** Checkbox values: absent, one, or several. */
const KindList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((k) => k !== ""));

/** The form: the service, a new URL (empty keeps the saved one), the kinds posted. */
const WebhookForm = z.object({
  provider: oneOf(schema.WEBHOOK_PROVIDERS),
  url: optionalText({ max: 500 }),
  kinds: KindList,
});

/** The HTTP routes of a group's chat channel settings. */
export function createChannelsRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const groupResource = groupBySlug(db);
  const by = (c: Ctx) => {
    const viewer = requireViewer(c);
    return { userId: viewer.userId, label: `user:${viewer.userId} (${viewer.name})` };
  };
  const page = async (c: Ctx, slug: string, saved = false) => {
    const { row } = await groupResource(c, { params: { slug } });
    const webhook = await webhookOf(db, groupOwner(row.id));
    return c.html(
      await renderPage(
        <ChannelsPage group={{ slug: row.slug, name: row.name }} webhook={webhook} saved={saved} />,
      ),
    );
  };

  router.get("/groups/:slug/channels", {
    params: SlugParams,
    query: z.object({ saved: Flag }),
    action: "group.channels",
    resource: groupResource,
    handler: (c, { params, query }) => page(c, params.slug, query.saved),
  });
  router.post("/groups/:slug/channels", {
    params: SlugParams,
    form: WebhookForm,
    action: "group.channels",
    resource: groupResource,
    page: (c, { params }) => page(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      await setGroupWebhook({
        database: services.database,
        now: services.clock.now(),
        by: by(c),
        groupId: resource.row.id,
        provider: body.provider,
        url: body.url,
        kinds: body.kinds,
      });
      return c.redirect(`/groups/${params.slug}/channels?saved=1`, 303);
    },
  });
  router.post("/groups/:slug/channels/remove", {
    params: SlugParams,
    form: z.object({}),
    action: "group.channels",
    resource: groupResource,
    page: (c, { params }) => page(c, params.slug),
    handler: async (c, { params, resource }) => {
      await removeGroupWebhook({
        database: services.database,
        now: services.clock.now(),
        by: by(c),
        groupId: resource.row.id,
      });
      return c.redirect(`/groups/${params.slug}/channels?saved=1`, 303);
    },
  });
  return router.app;
}
