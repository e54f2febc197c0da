/**
 * Hand-over routes: a group's items needing a new owner (the Chair, the Board), reassigning one,
 * and one person's hand-over with the note form (the person leaving). Pages and JSON.
 */
import type { Context } from "hono";
import { z } from "zod";
import {
  findHandover,
  findHandoverItem,
  type HandoverListing,
  HandoverNoteSchema,
  listHandovers,
  reassignOpenItem,
  writeHandoverNote,
} from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Id } from "../../platform/validation.ts";
import { groupParticipants } from "../decisions/decisions.repo.ts";
import { peopleNames } from "../meetings/meetings.repo.ts";
import { can } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { groupBySlug, SlugParams } from "../policy/route-subjects.ts";
import { HandoverListSchema, HandoverSchema, ReassignSchema } from "./schemas.ts";
import { GroupHandoversPage, HandoverPage } from "./turnover.views.tsx";

type Ctx = Context<AppEnv>;

const ItemParams = SlugParams.extend({ id: Id.describe("The flagged item's id.") });
const HandoverParams = z.object({ id: Id.describe("The hand-over's numeric id.") });
const SOURCE = "Guildhall: role records, meeting action items and votes";

/** The HTTP routes of hand-overs. */
export function createTurnoverRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const today = () => dayOf(services.clock.now());
  const by = (c: Ctx) => {
    const viewer = c.var.viewer;
    return {
      userId: viewer?.userId ?? null,
      label: viewer ? `user:${viewer.userId} (${viewer.name})` : "anonymous",
    };
  };

  const groupResource = groupBySlug(db);
  const handoverResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const h = await findHandover(db, params.id);
    if (!h) throw new AppError("not_found", { message: `No hand-over ${params.id}.` });
    return { kind: "handover" as const, handoverId: h.id, groupId: h.groupId, personId: h.personId };
  };
  const groupLists = async (groupId: number) => {
    const all = await listHandovers(db, { groupIds: [groupId] });
    return {
      open: all.filter((h) => h.needingOwner > 0),
      earlier: all.filter((h) => h.needingOwner === 0 && h.items.length > 0),
    };
  };

  const groupPage = async (c: Ctx, slug: string, reassigned = false) => {
    const { row, ...resource } = await groupResource(c, { params: { slug } });
    const { open, earlier } = await groupLists(row.id);
    const mayReassign = await can(c, services, "group.reassign-items", resource);
    const ids = mayReassign ? await groupParticipants(db, row.id, today()) : [];
    const names = await peopleNames(db, ids);
    return c.html(
      await renderPage(
        <GroupHandoversPage
          group={{ slug: row.slug, name: row.name }}
          open={open}
          earlier={earlier}
          day={today()}
          mayReassign={mayReassign}
          people={ids
            .map((id) => ({ id, name: names.get(id) ?? `Person ${id}` }))
            .sort((a, b) => a.name.localeCompare(b.name))}
          reassigned={reassigned}
        />,
      ),
    );
  };

  router.get("/groups/:slug/handovers", {
    params: SlugParams,
    query: z.object({ reassigned: z.literal("1").optional().catch(undefined) }),
    action: "group.view-handovers",
    resource: groupResource,
    handler: (c, { params, query }) => groupPage(c, params.slug, query.reassigned === "1"),
  });
  router.get("/api/groups/:slug/handovers", {
    summary:
      "Open items whose owner's role in the group ended, by hand-over, with the note (the group's Chair and Co-Chair, the Board, administrators).",
    operationId: "listGroupHandovers",
    params: SlugParams,
    query: z.object({
      state: z
        .enum(["open", "all"])
        .default("open")
        .describe("open: only hand-overs with an item needing a new owner."),
    }),
    action: "group.view-handovers",
    resource: groupResource,
    response: { description: "The hand-overs.", schema: HandoverListSchema, name: "HandoverList" },
    handler: async (c, { query, resource }) => {
      const list = await listHandovers(db, { groupIds: [resource.row.id], open: query.state === "open" });
      return c.json({
        group: { slug: resource.row.slug, name: resource.row.name },
        asOf: today(),
        source: SOURCE,
        needingOwner: list.reduce((n, h) => n + h.needingOwner, 0),
        handovers: list,
      });
    },
  });

  /** Reassigns a flagged item of the group in the path (another group's item is not found here). */
  const reassign = async (c: Ctx, groupId: number, itemId: number, personId: number) => {
    const found = await findHandoverItem(db, itemId);
    if (!found || found.handover.groupId !== groupId) {
      throw new AppError("not_found", { message: `No flagged item ${itemId} in this group.` });
    }
    await reassignOpenItem({
      db,
      now: services.clock.now(),
      by: by(c),
      handoverItemId: itemId,
      toPersonId: personId,
    });
    return found.handover.id;
  };
  router.post("/groups/:slug/handovers/items/:id/reassign", {
    params: ItemParams,
    form: ReassignSchema,
    action: "group.reassign-items",
    resource: groupResource,
    page: (c, { params }) => groupPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      await reassign(c, resource.row.id, params.id, body.personId);
      return c.redirect(`/groups/${params.slug}/handovers?reassigned=1`, 303);
    },
  });
  router.post("/api/groups/:slug/handovers/items/:id/reassign", {
    summary:
      "Give a flagged item a new owner (the group's Chair and Co-Chair, the Board): the item's owner changes and the flag clears, audited.",
    operationId: "reassignHandoverItem",
    params: ItemParams,
    json: ReassignSchema,
    action: "group.reassign-items",
    resource: groupResource,
    response: { description: "The hand-over, as it stands now.", schema: HandoverSchema, name: "Handover" },
    errors: {
      409: "The item no longer needs a new owner.",
      422: "The new owner is the person whose role ended.",
    },
    handler: async (c, { params, body, resource }) => {
      const handoverId = await reassign(c, resource.row.id, params.id, body.personId);
      const [h] = await listHandovers(db, { ids: [handoverId], groupIds: [resource.row.id] });
      return c.json(h as HandoverListing);
    },
  });

  const handoverPage = async (c: Ctx, id: number, saved = false) => {
    const resource = await handoverResource(c, { params: { id } });
    const [h] = await listHandovers(db, { ids: [id], personId: resource.personId });
    if (!h) throw new AppError("not_found", { message: `No hand-over ${id}.` });
    const group = await groupResource(c, { params: { slug: h.group.slug } });
    const { row: _row, ...groupPolicy } = group;
    return c.html(
      await renderPage(
        <HandoverPage
          handover={h}
          mayWrite={await can(c, services, "handover.write-note", resource)}
          groupLink={await can(c, services, "group.view-handovers", groupPolicy)}
          saved={saved}
        />,
      ),
    );
  };
  router.get("/handovers/:id", {
    params: HandoverParams,
    query: z.object({ saved: z.literal("1").optional().catch(undefined) }),
    action: "handover.view",
    resource: handoverResource,
    handler: (c, { params, query }) => handoverPage(c, params.id, query.saved === "1"),
  });
  router.post("/handovers/:id/note", {
    params: HandoverParams,
    form: HandoverNoteSchema,
    action: "handover.write-note",
    resource: handoverResource,
    page: (c, { params }) => handoverPage(c, params.id),
    handler: async (c, { params, body }) => {
      await writeHandoverNote({
        db,
        now: services.clock.now(),
        by: by(c),
        handoverId: params.id,
        input: body,
      });
      return c.redirect(`/handovers/${params.id}?saved=1`, 303);
    },
  });
  return router.app;
}
