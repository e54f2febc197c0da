/** The email asking someone whose role in a group ended for a hand-over note. */
import { z } from "zod";
import { defineTemplate } from "../notifications/template.ts";

/** Asks the person leaving what is in flight and who to talk to, with a link to the form. */
export const handoverNoteTemplate = defineTemplate({
  id: "kernel.handover-note",
  data: z.object({
    handoverId: z.number().int().positive(),
    groupName: z.string().min(1),
    items: z.array(z.string().min(1)).min(1),
  }),
  render: (d, { url, escapeHtml }) => {
    const page = url(`/handovers/${d.handoverId}`);
    const count = d.items.length === 1 ? "one open item" : `${d.items.length} open items`;
    return {
      subject: `Please hand over your open items in ${d.groupName}`,
      text: [
        `Your role in ${d.groupName} has ended, and you own ${count} there:`,
        ...d.items.map((t) => `- ${t}`),
        "The Chair will find each a new owner. Please write a short hand-over note (what is in flight, who to talk to):",
        page,
        "Thank you for your work.",
      ].join("\n"),
      html: [
        `<p>Your role in ${escapeHtml(d.groupName)} has ended, and you own ${count} there:</p>`,
        `<ul>${d.items.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`,
        `<p>The Chair will find each a new owner. Please write <a href="${escapeHtml(page)}">a short hand-over note</a> (what is in flight, who to talk to).</p>`,
        "<p>Thank you for your work.</p>",
      ].join("\n"),
    };
  },
});
