/**
 * The agenda sections governance itself contributes: reports received since the last Board
 * meeting, overdue and missed reports, defunct warnings, votes waiting, Board Liaison problems and
 * lapsing terms. Other areas add theirs the same way (see agenda.ts).
 */
import { dayOf } from "../../kernel/rules.ts";
import { listLapsingTerms } from "../decisions/list-lapsing-terms.ts";
import { listVotes } from "../decisions/list-votes.ts";
import { selectReportsReceived } from "../reports/reports.repo.ts";
import { defineAgendaSection } from "./agenda.ts";
import { liaisonProblemsOn, reportingOn } from "./shared-inputs.ts";

defineAgendaSection({
  key: "reports-received",
  title: (c) => `Reports received ${c.coverage ?? `since ${c.since}`}`,
  order: 10,
  source: "reports submitted in Guildhall",
  empty: "No report was received in this period.",
  async load({ db, since, day }) {
    const rows = await selectReportsReceived(db, since, day);
    return rows.map((r) => ({
      text: `${r.name}: report for ${r.periodStart} to ${r.periodEnd}`,
      href: `/reports/${r.id}`,
      facts: [`received ${dayOf(r.submittedAt)}`, r.visibility === "board" ? "Board-only" : "public"],
      day: dayOf(r.submittedAt),
    }));
  },
});

defineAgendaSection({
  key: "reports-late",
  title: "Missing and overdue reports",
  order: 20,
  source: "due dates computed from each group's charter cadence",
  empty: "No report is overdue or missed.",
  async load({ db, day, memo }) {
    const rows = await reportingOn(db, day, memo);
    return rows.flatMap((r) =>
      r.periods
        .filter((p) => p.state === "overdue" || p.state === "missed")
        .map((p) => ({
          text: `${r.group.name}: ${p.period} report ${p.state}`,
          href: `/groups/${r.group.slug}/reports`,
          facts: [`due ${p.dueOn}`, p.state],
          day: p.dueOn,
        })),
    );
  },
});

defineAgendaSection({
  key: "defunct",
  title: "Groups flagged defunct",
  order: 30,
  source: "two consecutive missed reporting periods, until the Board records a decision",
  empty: "No group is flagged defunct.",
  async load({ db, day, memo }) {
    const rows = await reportingOn(db, day, memo);
    return rows.flatMap((r) =>
      r.defunctSince
        ? [
            {
              text: `${r.group.name}: flagged defunct; the Board records an exception or starts a shutdown`,
              href: `/groups/${r.group.slug}/reports`,
              facts: [`since ${r.defunctSince}`],
              day: r.defunctSince,
            },
          ]
        : [],
    );
  },
});

defineAgendaSection({
  key: "votes-waiting",
  title: "Proposals and votes waiting",
  order: 40,
  source: "open votes in Guildhall",
  empty: "No vote is open.",
  async load({ db, viewerPersonId }) {
    const votes = await listVotes({ db, status: "open", viewerPersonId });
    return votes.map((v) => ({
      text: `${v.group.name}: ${v.title}`,
      href: `/votes/${v.id}`,
      facts: [
        `closes ${v.latestClosesAt.slice(0, 10)}`,
        `${v.cast} of ${v.electorateSize} cast`,
        `decided by ${v.body}`,
      ],
      day: v.latestClosesAt.slice(0, 10),
    }));
  },
});

defineAgendaSection({
  key: "liaison-problems",
  title: "Board Liaison problems",
  order: 70,
  source: "role periods and the Board's terms",
  empty: "Every active group has a current Board Liaison.",
  async load({ db, day, memo }) {
    const problems = await liaisonProblemsOn(db, day, memo);
    return problems.map((p) => ({
      text: `${p.group.name}: ${p.message}`,
      href: `/groups/${p.group.slug}`,
      facts: p.boardTermEndsOn ? [`Board term ends ${p.boardTermEndsOn}`] : [],
      day: p.boardTermEndsOn,
    }));
  },
});

defineAgendaSection({
  key: "lapsing-terms",
  title: "Terms lapsing in the next 30 days",
  order: 80,
  source: "role periods' term ends",
  empty: "No term lapses in the next 30 days.",
  async load({ db, day }) {
    const terms = await listLapsingTerms({ db, day, withinDays: 30 });
    return terms.map((t) => ({
      text: `${t.group.name}: ${t.person.name}, ${t.role}`,
      href: `/groups/${t.group.slug}/decisions`,
      facts: [`ends ${t.termEndsOn}`],
      day: t.termEndsOn,
    }));
  },
});
