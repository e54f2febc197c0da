/** The notice telling a group's Chair that someone's open items there need a new owner. */
import { z } from "zod";
import { defineTemplate } from "../../kernel/index.ts";

/** Names who left, what they owned, and links to the group's hand-over page. */
export const handoverFlaggedTemplate = defineTemplate({
  id: "governance.handover-flagged",
  data: z.object({
    handoverId: z.number().int().positive(),
    groupSlug: z.string().min(1),
    groupName: z.string().min(1),
    personName: z.string().min(1),
    items: z.array(z.string().min(1)).min(1),
  }),
  render: (d, { url, escapeHtml }) => {
    const page = url(`/groups/${encodeURIComponent(d.groupSlug)}/handovers`);
    const count = d.items.length === 1 ? "one open item needs" : `${d.items.length} open items need`;
    const lead = `${d.personName} no longer holds a role in ${d.groupName}, and ${count} a new owner:`;
    return {
      subject: `${d.groupName}: ${count} a new owner`,
      text: [lead, ...d.items.map((t) => `- ${t}`), "Choose who takes each on:", page].join("\n"),
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        `<ul>${d.items.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`,
        `<p><a href="${escapeHtml(page)}">Choose who takes each on</a>.</p>`,
      ].join("\n"),
    };
  },
});
