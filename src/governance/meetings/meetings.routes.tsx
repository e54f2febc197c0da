/**
 * Meeting routes: the group's meetings page and each meeting's page (with their forms), the JSON
 * API under /api/groups/{slug}/meetings, and the iCalendar feeds. Private notes are put in a page
 * or an answer only when the policy allows meeting.view-private-notes; feeds never carry notes.
 */
import type { Context } from "hono";
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Id } from "../../platform/validation.ts";
import { type DecisionActor, groupParticipants, loadGroup } from "../decisions/decisions.repo.ts";
import type { DecisionDeps } from "../decisions/deps.ts";
import { can } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { decisionActorOf, groupBySlug, SlugParams } from "../policy/route-subjects.ts";
import { actionItemView, getMeeting, listGroupMeetings } from "./get-meeting.ts";
import { addActionItem, addAgendaItem, completeActionItem, saveNotes } from "./meeting-records.ts";
import { summaryOf } from "./meeting-views.ts";
import { peopleNames, selectActionItems, selectMeetings } from "./meetings.repo.ts";
import { GroupMeetingsPage, MeetingPage } from "./meetings.views.tsx";
import { type FeedMeeting, renderMeetingsIcs } from "./render-meetings-ics.ts";
import { cancelMeeting, rescheduleMeeting, scheduleMeeting } from "./schedule-meeting.ts";
import {
  ActionItemSchema,
  AgendaItemSchema,
  MEETING_API as API,
  MeetingTimeSchema,
  NotesSchema,
} from "./schemas.ts";

type Ctx = Context<AppEnv>;

const ICS_TYPE = { "content-type": "text/calendar; charset=utf-8" };
const MeetingParams = SlugParams.extend({ id: Id.describe("The meeting's numeric id.") });
const ActionItemParams = SlugParams.extend({ id: Id.describe("The action item's numeric id.") });

/** The HTTP routes of meetings. */
export function createMeetingsRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const deps: DecisionDeps = { database: services.database, clock: services.clock, log: services.log };

  const meetingActor = (c: Ctx) => decisionActorOf(c, services);

  /** The policy's view of the group in the path, with its row. */
  const groupResource = groupBySlug(db);

  const meetingsPage = async (c: Ctx, slug: string) => {
    const { row, ...resource } = await groupResource(c, { params: { slug } });
    const list = await listGroupMeetings({
      db,
      groupId: row.id,
      cadence: row.charter.meetingCadence,
      now: services.clock.now(),
    });
    return c.html(
      await renderPage(
        <GroupMeetingsPage
          model={{
            group: { slug: row.slug, name: row.name },
            ...list,
            maySchedule: await can(c, services, "meeting.schedule", resource),
            now: services.clock.now().toISOString(),
          }}
        />,
      ),
    );
  };

  const meetingPage = async (c: Ctx, slug: string, meetingId: number) => {
    const { row, ...resource } = await groupResource(c, { params: { slug } });
    const now = services.clock.now();
    const meeting = await getMeeting({
      db,
      groupId: row.id,
      meetingId,
      seesPrivate: await can(c, services, "meeting.view-private-notes", resource),
      seesApplicants: await can(c, services, "group.view-private", resource),
      now,
    });
    const mayActionItems = await can(c, services, "meeting.action-items", resource);
    const participantIds = mayActionItems ? await groupParticipants(db, row.id, dayOf(now)) : [];
    const names = await peopleNames(db, participantIds);
    return c.html(
      await renderPage(
        <MeetingPage
          model={{
            group: { slug: row.slug, name: row.name },
            meeting,
            maySchedule: await can(c, services, "meeting.schedule", resource),
            mayAddAgenda: await can(c, services, "meeting.add-agenda-item", resource),
            mayWriteNotes: await can(c, services, "meeting.write-notes", resource),
            mayActionItems,
            participants: participantIds
              .map((id) => ({ id, name: names.get(id) ?? `Person ${id}` }))
              .sort((a, b) => a.name.localeCompare(b.name)),
          }}
        />,
      ),
    );
  };

  const feed = (name: string, meetings: Awaited<ReturnType<typeof selectMeetings>>) =>
    renderMeetingsIcs({
      name,
      meetings: meetings.map(
        (m): FeedMeeting => ({ ...m, status: m.status === "cancelled" ? "cancelled" : "scheduled" }),
      ),
      pageUrl: (m) => `${services.config.baseUrl}/groups/${m.group.slug}/meetings/${m.id}`,
    });

  // ---- feeds ----
  router.get("/meetings.ics", {
    handler: async (c) => c.body(feed("DSF group meetings", await selectMeetings(db)), 200, ICS_TYPE),
  });
  router.get("/groups/:slug/meetings.ics", {
    params: SlugParams,
    handler: async (c, { params }) => {
      const group = await loadGroup(db, params.slug);
      return c.body(feed(`${group.name} meetings`, await selectMeetings(db, group.id)), 200, ICS_TYPE);
    },
  });

  // ---- pages ----
  router.get("/groups/:slug/meetings", {
    params: SlugParams,
    handler: (c, { params }) => meetingsPage(c, params.slug),
  });
  router.post("/groups/:slug/meetings", {
    params: SlugParams,
    form: MeetingTimeSchema,
    action: "meeting.schedule",
    resource: groupResource,
    page: (c, { params }) => meetingsPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      const m = await scheduleMeeting({
        deps,
        actor: await meetingActor(c),
        input: { ...body, groupId: resource.groupId },
      });
      return c.redirect(`/groups/${params.slug}/meetings/${m.id}`, 303);
    },
  });
  router.get("/groups/:slug/meetings/:id", {
    params: MeetingParams,
    handler: (c, { params }) => meetingPage(c, params.slug, params.id),
  });

  /** A form posted from a meeting's page: authorised, run, then back to the page. */
  const meetingForm = <S extends z.ZodType>(
    suffix: string,
    action: "meeting.schedule" | "meeting.add-agenda-item" | "meeting.write-notes" | "meeting.action-items",
    form: S,
    run: (call: {
      actor: DecisionActor;
      groupId: number;
      meetingId: number;
      body: z.output<S>;
    }) => Promise<unknown>,
  ) =>
    router.post(`/groups/:slug/meetings/:id/${suffix}`, {
      params: MeetingParams,
      form,
      action,
      resource: groupResource,
      page: (c, { params }) => meetingPage(c, params.slug, params.id),
      handler: async (c, { params, body, resource }) => {
        await run({
          actor: await meetingActor(c),
          groupId: resource.groupId,
          meetingId: params.id,
          body: body as z.output<S>,
        });
        return c.redirect(`/groups/${params.slug}/meetings/${params.id}`, 303);
      },
    });
  meetingForm("reschedule", "meeting.schedule", MeetingTimeSchema, ({ actor, groupId, meetingId, body }) =>
    rescheduleMeeting({ deps, actor, input: { ...body, groupId, meetingId } }),
  );
  meetingForm("cancel", "meeting.schedule", z.object({}), ({ actor, groupId, meetingId }) =>
    cancelMeeting({ deps, actor, input: { groupId, meetingId } }),
  );
  meetingForm("agenda", "meeting.add-agenda-item", AgendaItemSchema, ({ actor, groupId, meetingId, body }) =>
    addAgendaItem({ deps, actor, input: { ...body, groupId, meetingId } }),
  );
  meetingForm("notes", "meeting.write-notes", NotesSchema, ({ actor, groupId, meetingId, body }) =>
    saveNotes({ deps, actor, input: { ...body, groupId, meetingId } }),
  );
  meetingForm(
    "action-items",
    "meeting.action-items",
    ActionItemSchema,
    ({ actor, groupId, meetingId, body }) =>
      addActionItem({ deps, actor, input: { ...body, groupId, meetingId } }),
  );
  router.post("/groups/:slug/action-items/:id/done", {
    params: ActionItemParams,
    form: z.object({}),
    action: "meeting.action-items",
    resource: groupResource,
    page: (c, { params }) => meetingsPage(c, params.slug),
    handler: async (c, { params, resource }) => {
      const item = await completeActionItem({
        deps,
        actor: await meetingActor(c),
        input: { groupId: resource.groupId, actionItemId: params.id },
      });
      return c.redirect(`/groups/${params.slug}/meetings/${item.meetingId}`, 303);
    },
  });

  // ---- JSON API ----
  router.get("/api/groups/:slug/meetings", {
    summary: "The group's meetings (oldest first), its charter's cadence and the next day it suggests.",
    operationId: "listMeetings",
    params: SlugParams,
    response: { description: "Meetings, without notes.", schema: API.MeetingList, name: "MeetingList" },
    handler: async (c, { params }) => {
      const group = await loadGroup(db, params.slug);
      return c.json(
        await listGroupMeetings({
          db,
          groupId: group.id,
          cadence: group.charter.meetingCadence,
          now: services.clock.now(),
        }),
      );
    },
  });
  router.post("/api/groups/:slug/meetings", {
    summary:
      "Schedule a meeting: date, time and IANA time zone, title, link (chairs and co-chairs; scope groups).",
    operationId: "scheduleMeeting",
    params: SlugParams,
    json: MeetingTimeSchema,
    action: "meeting.schedule",
    resource: groupResource,
    response: { status: 201, description: "Scheduled.", schema: API.Meeting, name: "MeetingScheduled" },
    errors: { 422: "A field is invalid, or the time does not exist in that zone (clock change)." },
    handler: async (c, { body, resource }) => {
      const m = await scheduleMeeting({
        deps,
        actor: await meetingActor(c),
        input: { ...body, groupId: resource.groupId },
      });
      return c.json(
        { meeting: summaryOf({ ...m, group: { slug: resource.row.slug, name: resource.row.name } }) },
        201,
      );
    },
  });
  router.get("/api/groups/:slug/meetings/:id", {
    summary:
      "A meeting: agenda, action items, and its notes (the private part only for the group, the Board and the Steering Council).",
    operationId: "getMeeting",
    params: MeetingParams,
    response: { description: "The meeting.", schema: API.MeetingResponse, name: "MeetingResponse" },
    handler: async (c, { params }) => {
      const { row, ...resource } = await groupResource(c, { params });
      const meeting = await getMeeting({
        db,
        groupId: row.id,
        meetingId: params.id,
        seesPrivate: await can(c, services, "meeting.view-private-notes", resource),
        seesApplicants: await can(c, services, "group.view-private", resource),
        now: services.clock.now(),
      });
      return c.json({ meeting });
    },
  });
  router.put("/api/groups/:slug/meetings/:id", {
    summary: "Reschedule a meeting; its SEQUENCE grows by one (chairs and co-chairs; scope groups).",
    operationId: "rescheduleMeeting",
    params: MeetingParams,
    json: MeetingTimeSchema,
    action: "meeting.schedule",
    resource: groupResource,
    response: { description: "Rescheduled.", schema: API.Meeting, name: "MeetingRescheduled" },
    errors: { 409: "The meeting is cancelled." },
    handler: async (c, { params, body, resource }) => {
      const m = await rescheduleMeeting({
        deps,
        actor: await meetingActor(c),
        input: { ...body, groupId: resource.groupId, meetingId: params.id },
      });
      return c.json({
        meeting: summaryOf({ ...m, group: { slug: resource.row.slug, name: resource.row.name } }),
      });
    },
  });
  router.post("/api/groups/:slug/meetings/:id/cancel", {
    summary: "Cancel a meeting: STATUS:CANCELLED in the feeds, SEQUENCE grows by one (chairs and co-chairs).",
    operationId: "cancelMeeting",
    params: MeetingParams,
    action: "meeting.schedule",
    resource: groupResource,
    response: { description: "Cancelled.", schema: API.Meeting, name: "MeetingCancelled" },
    errors: { 409: "The meeting is cancelled already." },
    handler: async (c, { params, resource }) => {
      const m = await cancelMeeting({
        deps,
        actor: await meetingActor(c),
        input: { groupId: resource.groupId, meetingId: params.id },
      });
      return c.json({
        meeting: summaryOf({ ...m, group: { slug: resource.row.slug, name: resource.row.name } }),
      });
    },
  });
  router.post("/api/groups/:slug/meetings/:id/agenda-items", {
    summary: "Put an item on a meeting's agenda (the group's participants; scope groups).",
    operationId: "addAgendaItem",
    params: MeetingParams,
    json: AgendaItemSchema,
    action: "meeting.add-agenda-item",
    resource: groupResource,
    response: { status: 201, description: "Added.", schema: API.AgendaItemAdded, name: "AgendaItemAdded" },
    errors: { 409: "The meeting is cancelled." },
    handler: async (c, { params, body, resource }) => {
      const agendaItem = await addAgendaItem({
        deps,
        actor: await meetingActor(c),
        input: { ...body, groupId: resource.groupId, meetingId: params.id },
      });
      return c.json({ agendaItem }, 201);
    },
  });
  router.put("/api/groups/:slug/meetings/:id/notes", {
    summary:
      "Save a meeting's notes, public and private parts; `publish` makes the public part visible to everyone (the group's participants).",
    operationId: "saveMeetingNotes",
    params: MeetingParams,
    json: NotesSchema,
    action: "meeting.write-notes",
    resource: groupResource,
    response: {
      description: "Saved: the meeting as you see it.",
      schema: API.MeetingResponse,
      name: "MeetingResponse",
    },
    handler: async (c, { params, body, resource }) => {
      await saveNotes({
        deps,
        actor: await meetingActor(c),
        input: { ...body, groupId: resource.groupId, meetingId: params.id },
      });
      const meeting = await getMeeting({
        db,
        groupId: resource.groupId,
        meetingId: params.id,
        seesPrivate: await can(c, services, "meeting.view-private-notes", resource),
        seesApplicants: await can(c, services, "group.view-private", resource),
        now: services.clock.now(),
      });
      return c.json({ meeting });
    },
  });
  router.post("/api/groups/:slug/meetings/:id/action-items", {
    summary: "Record an action item with an owner (a participant) and a due date (the group's participants).",
    operationId: "addActionItem",
    params: MeetingParams,
    json: ActionItemSchema,
    action: "meeting.action-items",
    resource: groupResource,
    response: {
      status: 201,
      description: "Recorded.",
      schema: API.ActionItemResponse,
      name: "ActionItemResponse",
    },
    handler: async (c, { params, body, resource }) => {
      const row = await addActionItem({
        deps,
        actor: await meetingActor(c),
        input: { ...body, groupId: resource.groupId, meetingId: params.id },
      });
      return c.json({ actionItem: await actionItemOf(resource.groupId, row.id) }, 201);
    },
  });
  router.post("/api/groups/:slug/action-items/:id/done", {
    summary: "Mark an action item done: it is carried to no later agenda (the group's participants).",
    operationId: "completeActionItem",
    params: ActionItemParams,
    action: "meeting.action-items",
    resource: groupResource,
    response: { description: "Done.", schema: API.ActionItemResponse, name: "ActionItemResponse" },
    errors: { 409: "The action item is done already." },
    handler: async (c, { params, resource }) => {
      const row = await completeActionItem({
        deps,
        actor: await meetingActor(c),
        input: { groupId: resource.groupId, actionItemId: params.id },
      });
      return c.json({ actionItem: await actionItemOf(resource.groupId, row.id) });
    },
  });

  const actionItemOf = async (groupId: number, id: number) => {
    const item = (await selectActionItems(db, groupId)).find((a) => a.id === id);
    if (!item) throw new Error(`action item ${id} vanished`);
    return actionItemView(item);
  };

  return router.app;
}
