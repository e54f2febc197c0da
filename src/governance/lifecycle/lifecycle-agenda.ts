/**
 * The lifecycle's sections of the Board's agenda (board/agenda.ts): proposals waiting for a vote,
 * substantive charter changes waiting for a vote, shutdowns under way, and groups a forced
 * shutdown ground holds for. Registered once, from the module the lifecycle's router imports.
 */
import { defineAgendaSection } from "../board/agenda.ts";
import {
  atRiskAgendaItems,
  changeAgendaItems,
  proposalAgendaItems,
  shutdownAgendaItems,
} from "./list-lifecycle-agenda-items.ts";

defineAgendaSection({
  key: "proposals-waiting",
  title: "Proposed groups waiting for the Board",
  order: 45,
  source: "proposals in Guildhall marked ready for review (README: Decision-making)",
  empty: "No proposal is waiting for the Board.",
  load: (c) => proposalAgendaItems(c),
});
defineAgendaSection({
  key: "charter-changes-waiting",
  title: "Substantive charter changes waiting for a vote",
  order: 46,
  source: "charter changes in Guildhall classified substantive (README.md:77-79)",
  empty: "No charter change is waiting for the Board.",
  load: (c) => changeAgendaItems(c),
});
defineAgendaSection({
  key: "shutdowns",
  title: "Shutdowns under way",
  order: 47,
  source: "shutdowns recorded in Guildhall (README: Shutting down WGs)",
  empty: "No group is being shut down.",
  load: (c) => shutdownAgendaItems(c),
});
defineAgendaSection({
  key: "shutdown-grounds",
  title: "Groups a forced shutdown ground holds for",
  order: 48,
  source: "current membership and the reporting sweep's defunct flags, today (README.md:87-88)",
  empty: "No active group is below the minimum membership or flagged defunct.",
  load: (c) => atRiskAgendaItems(c),
});
