/** The emails requests send: a new request, the reminder, each escalation step, the answer, expiry. */
import { z } from "zod";
import { defineTemplate } from "../../kernel/index.ts";

/** What happened to a request, as the email says it. */
export const REQUEST_NOTICES = [
  "opened",
  "reminder",
  "escalated-target",
  "escalated-board",
  "answered",
  "lazy-consensus",
  "expired",
] as const;

/** Tells someone about a request they answer for, own, or are escalated to. */
export const requestNoticeTemplate = defineTemplate({
  id: "governance.request-notice",
  data: z.object({
    requestId: z.number().int().positive(),
    title: z.string().min(1),
    fromName: z.string().min(1),
    toName: z.string().min(1),
    deadline: z.iso.date(),
    notice: z.enum(REQUEST_NOTICES),
    outcome: z.string().optional(),
  }),
  render: (d, { url, escapeHtml }) => {
    const link = url(`/requests/${d.requestId}`);
    const ask = `${d.fromName} asked ${d.toName}: "${d.title}"`;
    const lead: Record<(typeof REQUEST_NOTICES)[number], string> = {
      opened: `${ask}. An answer is needed by ${d.deadline} (UTC).`,
      reminder: `${ask}. The answer is due on ${d.deadline} (UTC) and has not been given yet.`,
      "escalated-target": `${ask}. The deadline, ${d.deadline} (UTC), has passed without an answer; it now comes to the Chair and liaisons.`,
      "escalated-board": `${ask}. It is still unanswered a week after its deadline (${d.deadline}, UTC) and now comes to the Board.`,
      answered: `${ask}. It has been answered: ${d.outcome ?? "answered"}.`,
      "lazy-consensus": `${ask}. Nobody objected by the deadline (${d.deadline}, UTC), so it is approved by lazy consensus.`,
      expired: `${ask}. It went unanswered for weeks after its deadline (${d.deadline}, UTC) and has expired.`,
    };
    const subject: Record<(typeof REQUEST_NOTICES)[number], string> = {
      opened: `Request from ${d.fromName}: ${d.title}`,
      reminder: `Due ${d.deadline}: ${d.title}`,
      "escalated-target": `Past its deadline: ${d.title}`,
      "escalated-board": `For the Board, past its deadline: ${d.title}`,
      answered: `Answered (${d.outcome ?? "answered"}): ${d.title}`,
      "lazy-consensus": `Approved by lazy consensus: ${d.title}`,
      expired: `Expired unanswered: ${d.title}`,
    };
    return {
      subject: subject[d.notice],
      text: [lead[d.notice], "See the request and its thread:", link].join("\n"),
      html: [
        `<p>${escapeHtml(lead[d.notice])}</p>`,
        `<p><a href="${escapeHtml(link)}">See the request and its thread</a>.</p>`,
      ].join("\n"),
    };
  },
});
