/**
 * The outbox's pages and API: the viewer's inbox (mark read, mark all read), their per-kind
 * choices, and the site administrators' failed deliveries with a retry button.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Flag, Id } from "../../platform/validation.ts";
import { requireViewer } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { markAllInboxRead, markInboxRead } from "./mark-read.ts";
import { notificationsPolicy } from "./notifications.policy.ts";
import { listDeliveries } from "./notifications.repo.ts";
import { FailedDeliveriesPage, InboxPage, PreferencesPage } from "./notifications.views.tsx";
import { readInbox } from "./read-inbox.ts";
import { retryDelivery } from "./retry-delivery.ts";
import {
  MODES,
  type NotificationKindInfo,
  notificationPreferences,
  setNotificationPreferences,
} from "./set-preferences.ts";
import type { TemplateRegistry } from "./template.ts";

/** What the routes need besides the services: every room's templates and notification kinds. */
export interface NotificationsRouterOptions {
  templates: TemplateRegistry;
  kinds: readonly NotificationKindInfo[];
}

const InboxItemJson = z.object({
  id: z.number().int(),
  kind: z.string(),
  subject: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
const InboxJson = z.object({ unread: z.number().int(), items: z.array(InboxItemJson) });
const PreferencesJson = z.object({
  preferences: z.array(z.object({ kind: z.string(), label: z.string(), mode: z.enum(MODES) })),
});
const IdParams = z.object({ id: Id.describe("The notification's numeric id.") });
const DeliveryParams = z.object({ id: Id.describe("The delivery's numeric id.") });

/** The outbox's router (its actions registered with the policy). */
export function createNotificationsRouter(services: Services, options: NotificationsRouterOptions) {
  const router = createRoomRouter(services, notificationsPolicy);
  const { database, clock, config } = services;
  const db = database.db;
  const ownAccount = (c: Context<AppEnv>) => ({
    kind: "account" as const,
    userId: c.var.viewer?.userId ?? 0,
  });
  const userId = (c: Context<AppEnv>) => requireViewer(c).userId;
  const inbox = (c: Context<AppEnv>, unreadOnly = false) =>
    readInbox({ db, templates: options.templates, baseUrl: config.baseUrl, userId: userId(c), unreadOnly });

  const inboxPage = async (c: Context<AppEnv>, unreadOnly: boolean) => {
    const { unread, items } = await inbox(c, unreadOnly);
    return c.html(await renderPage(<InboxPage unread={unread} items={items} unreadOnly={unreadOnly} />));
  };
  router.get("/inbox", {
    query: z.object({ unread: Flag }),
    action: "inbox.view",
    resource: ownAccount,
    handler: (c, { query }) => inboxPage(c, query.unread),
  });
  router.post("/inbox/read-all", {
    form: z.object({}),
    action: "inbox.mark-read",
    resource: ownAccount,
    page: (c) => inboxPage(c, false),
    handler: async (c) => {
      await markAllInboxRead({ db, userId: userId(c), now: clock.now() });
      return c.redirect("/inbox", 303);
    },
  });
  router.post("/inbox/:id/read", {
    params: IdParams,
    form: z.object({}),
    action: "inbox.mark-read",
    resource: ownAccount,
    page: (c) => inboxPage(c, false),
    handler: async (c, { params }) => {
      await markInboxRead({ db, userId: userId(c), id: params.id, now: clock.now() });
      return c.redirect("/inbox", 303);
    },
  });

  router.get("/api/inbox", {
    summary: "Your inbox: your notifications, newest first, and how many are unread.",
    operationId: "getInbox",
    query: z.object({ unread: Flag.describe("`true` for unread ones only.") }),
    action: "inbox.view",
    resource: ownAccount,
    response: { description: "Newest first (at most 100).", schema: InboxJson, name: "Inbox" },
    handler: async (c, { query }) => {
      const { unread, items } = await inbox(c, query.unread);
      return c.json({
        unread,
        items: items.map((i) => ({
          ...i,
          createdAt: i.createdAt.toISOString(),
          readAt: i.readAt?.toISOString() ?? null,
        })),
      });
    },
  });
  router.post("/api/inbox/:id/read", {
    summary: "Mark one notification in your inbox read (scope account).",
    operationId: "markInboxRead",
    params: IdParams,
    json: z.object({}),
    action: "inbox.mark-read",
    resource: ownAccount,
    response: { description: "Marked.", schema: z.object({ ok: z.literal(true) }), name: "InboxMarked" },
    handler: async (c, { params }) => {
      await markInboxRead({ db, userId: userId(c), id: params.id, now: clock.now() });
      return c.json({ ok: true as const });
    },
  });
  router.post("/api/inbox/read-all", {
    summary: "Mark every notification in your inbox read (scope account).",
    operationId: "markInboxAllRead",
    json: z.object({}),
    action: "inbox.mark-read",
    resource: ownAccount,
    response: {
      description: "How many were unread.",
      schema: z.object({ marked: z.number().int() }),
      name: "InboxAllMarked",
    },
    handler: async (c) =>
      c.json({ marked: await markAllInboxRead({ db, userId: userId(c), now: clock.now() }) }),
  });

  // ---- choices per kind ----
  const preferences = (c: Context<AppEnv>) =>
    notificationPreferences({ db, userId: userId(c), kinds: options.kinds });
  const preferencesPage = async (c: Context<AppEnv>, saved = false) =>
    c.html(await renderPage(<PreferencesPage preferences={await preferences(c)} saved={saved} />));
  router.get("/account/notifications", {
    query: z.object({ saved: Flag }),
    action: "inbox.view",
    resource: ownAccount,
    handler: (c, { query }) => preferencesPage(c, query.saved),
  });
  router.post("/account/notifications", {
    form: z.record(z.string(), z.string()),
    action: "notifications.preferences",
    resource: ownAccount,
    page: (c) => preferencesPage(c),
    handler: async (c, { body }) => {
      await setNotificationPreferences({
        db,
        userId: userId(c),
        kinds: options.kinds,
        modes: body,
        now: clock.now(),
      });
      return c.redirect("/account/notifications?saved=1", 303);
    },
  });
  router.get("/api/account/notification-preferences", {
    summary: "Your choice per notification kind: immediately, digest (daily email) or off.",
    operationId: "getNotificationPreferences",
    action: "inbox.view",
    resource: ownAccount,
    response: {
      description: "Every kind Guildhall sends.",
      schema: PreferencesJson,
      name: "NotificationPreferences",
    },
    handler: async (c) => c.json({ preferences: await preferences(c) }),
  });
  router.put("/api/account/notification-preferences", {
    summary: "Change your choices for some kinds (scope account); kinds not named keep theirs.",
    operationId: "setNotificationPreferences",
    json: z.object({
      modes: z
        .record(z.string(), z.enum(MODES))
        .describe('Kind to mode, e.g. {"meeting.scheduled": "digest"}.'),
    }),
    action: "notifications.preferences",
    resource: ownAccount,
    response: { description: "Saved.", schema: PreferencesJson, name: "NotificationPreferences" },
    handler: async (c, { body }) => {
      await setNotificationPreferences({
        db,
        userId: userId(c),
        kinds: options.kinds,
        modes: body.modes,
        now: clock.now(),
      });
      return c.json({ preferences: await preferences(c) });
    },
  });

  // ---- failed deliveries (admin) ----
  const failedPage = async (c: Context<AppEnv>) =>
    c.html(
      await renderPage(
        <FailedDeliveriesPage failed={await listDeliveries(db, { status: "failed", limit: 200 })} />,
      ),
    );
  router.get("/admin/notifications", { action: "admin.notifications", handler: failedPage });
  router.post("/admin/notifications/:id/retry", {
    params: DeliveryParams,
    form: z.object({}),
    action: "admin.notifications",
    page: failedPage,
    handler: async (c, { params }) => {
      const viewer = requireViewer(c);
      await retryDelivery({
        db,
        id: params.id,
        now: clock.now(),
        by: { userId: viewer.userId, label: `user:${viewer.userId} (${viewer.name})` },
      });
      return c.redirect("/admin/notifications", 303);
    },
  });
  return router.app;
}
