/** The email telling liaisons and the Board that a proposal is ready for review (README.md:59). */
import { z } from "zod";
import { defineTemplate } from "../../kernel/index.ts";

/** A proposal marked ready for review. */
export const proposalReadyTemplate = defineTemplate({
  id: "governance.proposal-ready",
  data: z.object({
    proposalId: z.number().int().positive(),
    name: z.string().min(1),
    kind: z.enum(["working-group", "team"]),
    revision: z.number().int().positive(),
    recipient: z.enum(["board", "liaison"]),
  }),
  render: (d, { url, escapeHtml }) => {
    const link = url(`/proposals/${d.proposalId}`);
    const what = d.kind === "team" ? "team" : "working group";
    const lead =
      d.recipient === "liaison"
        ? `The proposal for the ${d.name} ${what}, which names you as a liaison, is ready for review (revision ${d.revision}).`
        : `The proposal for the ${d.name} ${what} is ready for the Board's review and vote (revision ${d.revision}).`;
    return {
      subject: `Proposal ready for review: ${d.name}`,
      text: [lead, "Read it, its completeness check and the file a pull request would carry:", link].join(
        "\n",
      ),
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        `<p><a href="${escapeHtml(link)}">Read the proposal</a>.</p>`,
      ].join("\n"),
    };
  },
});
