/** The Board's agenda as markdown and JSON (the page is /board). Thin: parse, authorise, call, render. */
import { z } from "zod";
import type { Router } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { Day } from "../../platform/validation.ts";
import { actorOf } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { agendaMarkdown } from "./agenda-markdown.ts";
import { getBoardAgenda } from "./get-board-agenda.ts";

const SinceQuery = z.object({
  since: Day.optional().describe("The last Board meeting's day; without it, the last 31 days."),
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
  lastMeetingOn: z.string().nullable(),
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
  return router.app;
}
