/**
 * The Board's agenda section for funding: requests waiting for the Board's decision, oldest
 * first, with the amount, the period and whether the vote is open.
 */
import { defineAgendaSection } from "../board/agenda.ts";
import { listFunding } from "./funding.repo.ts";
import { formatMoney } from "./money.ts";

/** Funding requests waiting for the Board. */
export const fundingAgendaSection = defineAgendaSection({
  key: "funding-waiting",
  title: "Funding requests waiting for a decision",
  order: 52,
  source: "funding requests recorded in Guildhall, not yet decided by the Board",
  empty: "No funding request is waiting for the Board.",
  load: async ({ db }) => {
    const rows = await listFunding(db, { states: ["requested"] });
    return rows.reverse().map((r) => ({
      text: `${r.groupName}: ${formatMoney(r.amountMinor, r.currency)} for ${r.purpose}`,
      href: `/funding/${r.id}`,
      facts: [
        `period ${r.startsOn} to ${r.endsOn}`,
        r.voteStatus === "open" && r.voteClosesAt
          ? `vote #${r.voteId} open until ${r.voteClosesAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
          : "no vote open yet",
        `asked by ${r.requestedByName ?? "someone"}`,
      ],
      day: r.createdAt.toISOString().slice(0, 10),
    }));
  },
});
