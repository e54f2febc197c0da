/**
 * The Board's agenda section for requests: everything waiting that involves the Board (addressed
 * to it, or escalated to it past its deadline), oldest first. The Board sees these even when
 * private: it is one side of them, or they were escalated to it. The agenda is also open to site
 * administrators, who are not in private requests: a private one is listed only when the viewer
 * sits on the Board that day.
 */
import { defineAgendaSection } from "../board/agenda.ts";
import { presentRequest } from "./list-requests.ts";
import { boardMembers, listRequests } from "./requests.repo.ts";

/** Requests waiting on the Board. */
export const requestsAgendaSection = defineAgendaSection({
  key: "requests-waiting",
  title: "Requests waiting on the Board",
  order: 55,
  source: "requests between groups recorded in Guildhall (addressed to the Board, or escalated to it)",
  empty: "No request is waiting on the Board.",
  load: async ({ db, day, viewerPersonId }) => {
    const rows = await listRequests(db, { states: ["open", "acknowledged"] });
    const onBoard = viewerPersonId !== null && (await boardMembers(db, day)).includes(viewerPersonId);
    return rows
      .filter((r) => r.targetKind === "board" || r.escalation >= 2)
      .filter((r) => r.visibility !== "private" || onBoard)
      .map((r) => {
        const v = presentRequest(r, day);
        return {
          text: `${v.pair}: ${v.title}`,
          href: `/requests/${v.id}`,
          facts: [
            `deadline ${v.deadline}`,
            `${v.daysWaiting} day(s) waiting`,
            v.escalation >= 2 ? "escalated to the Board" : "addressed to the Board",
            `owner ${v.owner ?? "nobody"}`,
          ],
          day: v.deadline,
        };
      });
  },
});
