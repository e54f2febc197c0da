/** The Board's agenda as markdown and JSON (the page is /board). Thin: parse, authorise, call, render. */
import { z } from "zod";
import type { Router } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { Day } from "../../platform/validation.ts";
import { actorOf } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { agendaMarkdown } from "./agenda-markdown.ts";
import { getBoardAgenda } from "./get-board-agenda.ts";
import { RecordBoardMeetingInputSchema, recordBoardMeeting } from "./record-board-meeting.ts";

const SinceQuery = z.object({
  since: Day.optional().describe(
    "The first day to cover; without it, since the last recorded Board meeting, else the last 31 days.",
  ),
});
const BoardMeetingJson = z.object({
  id: z.number().int(),
  heldOn: z.string(),
  minutesUrl: z.string().nullable(),
  recordedBy: z.string(),
});
const ItemJson = z.object({
  text: z.string(),
  href: z.string().nullable(),
  facts: z.array(z.string()),
  day: z.string().nullable(),
});
const AgendaJson = z.object({
  day: z.string(),
  since: z.string(),
  sinceSource: z
    .enum(["board-meeting", "given", "default"])
    .describe(
      "Where `since` comes from: the last recorded Board meeting, the `since` asked for, or the last 31 days.",
    ),
  coverage: z.string().describe("The period in words."),
  lastMeetingOn: z.string().nullable(),
  lastMeetingMinutesUrl: z.string().nullable(),
  nextMeetingOn: z.string().nullable(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      order: z.number(),
      source: z.string(),
      empty: z.string(),
      items: z.array(ItemJson),
    }),
  ),
});

/** The HTTP routes of the Board's agenda exports. */
export function createBoardRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const today = () => services.clock.now().toISOString().slice(0, 10);

  router.get("/board/agenda.md", {
    query: SinceQuery,
    action: "board.overview",
    handler: async (c, { query }) => {
      const actor = await actorOf(c, services);
      const agenda = await getBoardAgenda({
        db,
        day: today(),
        since: query.since,
        viewerPersonId: actor.personId,
      });
      const markdown = agendaMarkdown({ ...agenda, baseUrl: services.config.baseUrl });
      return c.body(markdown, 200, { "content-type": "text/markdown; charset=utf-8" });
    },
  });
  router.get("/api/board/agenda", {
    summary:
      "The agenda of the next Board meeting: every section with its items (Board members, administrators).",
    operationId: "getBoardAgenda",
    query: SinceQuery,
    action: "board.overview",
    response: { description: "The agenda as of today.", schema: AgendaJson, name: "BoardAgenda" },
    handler: async (c, { query }) => {
      const actor = await actorOf(c, services);
      return c.json(
        await getBoardAgenda({ db, day: today(), since: query.since, viewerPersonId: actor.personId }),
      );
    },
  });
  router.post("/api/board/meetings", {
    summary:
      "Record that the Board met on a day, with its minutes (Board members, administrators; scope groups): the agenda then covers what came after.",
    operationId: "recordBoardMeeting",
    json: RecordBoardMeetingInputSchema,
    action: "board.record-meeting",
    response: {
      status: 201,
      description: "Recorded.",
      schema: z.object({ meeting: BoardMeetingJson }),
      name: "BoardMeetingRecorded",
    },
    errors: { 409: "A Board meeting is already recorded on that day." },
    handler: async (c, { body }) => {
      const m = await recordBoardMeeting({
        db,
        clock: services.clock,
        actor: { userId: c.var.viewer?.userId ?? null, name: c.var.viewer?.name ?? "unknown" },
        input: body,
      });
      return c.json(
        { meeting: { id: m.id, heldOn: m.heldOn, minutesUrl: m.minutesUrl, recordedBy: m.recordedBy } },
        201,
      );
    },
  });
  return router.app;
}
