/** The email telling the Board that a group asks for money (it decides by vote). */
import { z } from "zod";
import { defineTemplate } from "../../kernel/index.ts";

/** A funding request waiting for the Board's decision. */
export const fundingRequestedTemplate = defineTemplate({
  id: "governance.funding-requested",
  data: z.object({
    requestId: z.number().int().positive(),
    groupName: z.string().min(1),
    purpose: z.string().min(1),
    /** "EUR 1,200.00". */
    amount: z.string().min(1),
    period: z.string().min(1),
    /** Whether this Board member may vote (not the requester, not a member of the asking group). */
    mayVote: z.boolean(),
  }),
  render: (d, { url, escapeHtml }) => {
    const link = url(`/funding/${d.requestId}`);
    const lead = `${d.groupName} asks for ${d.amount} (${d.purpose}, ${d.period}).`;
    const role = d.mayVote
      ? "The Board decides by vote; open it from the request's page:"
      : "You are not in this vote's electorate (you asked, or you belong to the asking group); the request's page:";
    return {
      subject: `Funding request: ${d.groupName}, ${d.amount}`,
      text: [lead, role, link].join("\n"),
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        `<p>${escapeHtml(role)} <a href="${escapeHtml(link)}">the request</a>.</p>`,
      ].join("\n"),
    };
  },
});
