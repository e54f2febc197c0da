/** The daily digest email: the day's notifications of the kinds a person chose to get this way. */
import { z } from "zod";
import { defineTemplate } from "./template.ts";

/** One email listing the held notifications of one day. */
export const digestTemplate = defineTemplate({
  id: "kernel.digest",
  data: z.object({
    day: z.iso.date(),
    items: z.array(z.object({ subject: z.string(), text: z.string() })).min(1),
  }),
  render: (d, { url, escapeHtml }) => {
    const settings = url("/account/notifications");
    const n = d.items.length;
    return {
      subject: `Guildhall: ${n} notification${n === 1 ? "" : "s"} of ${d.day}`,
      text: [
        `Your daily digest for ${d.day} (UTC):`,
        ...d.items.map((i) => `\n* ${i.subject}\n${i.text}`),
        `\nChoose what comes by digest, at once or not at all: ${settings}`,
      ].join("\n"),
      html: [
        `<p>Your daily digest for ${escapeHtml(d.day)} (UTC):</p>`,
        "<ul>",
        ...d.items.map(
          (i) =>
            `<li><strong>${escapeHtml(i.subject)}</strong><br>${escapeHtml(i.text).replace(/\n/g, "<br>")}</li>`,
        ),
        "</ul>",
        `<p><a href="${escapeHtml(settings)}">Choose what comes by digest, at once or not at all</a>.</p>`,
      ].join("\n"),
    };
  },
});
