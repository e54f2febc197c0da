/**
 * A group's annual report, built from the records Guildhall holds for one calendar year (UTC):
 * the reports it sent, the meetings it held, the votes it closed, the people who joined, left or
 * lapsed, the requests it had answered, and the reporting periods it missed or the defunct flag.
 * Pure: the records come loaded (annual.repo.ts); what the viewer may see is decided by the caller
 * (the policy) and passed in as `access`. Every section says where its figures come from, and an
 * empty section says "None recorded." The page, the markdown and the JSON are drawn from the same
 * sections.
 */

/** What the viewer may see beyond the public facts. */
export interface AnnualAccess {
  /** Board-only reports (report.view on a Board-only report of the group). */
  boardReports: boolean;
  /** The private part of meeting notes (meeting.view-private-notes). */
  privateNotes: boolean;
  /** Votes' titles and tallies (the group's private material: group.view-private). */
  voteDetails: boolean;
}

/** The records of one group and year, as loaded. */
export interface AnnualRecords {
  group: { slug: string; name: string; status: string };
  year: number;
  reports: ReadonlyArray<{
    id: number;
    periodStart: string;
    periodEnd: string;
    visibility: string;
    highlights: readonly string[];
    submittedOn: string;
  }>;
  meetings: ReadonlyArray<{
    id: number;
    title: string;
    heldOn: string;
    publicNotes: boolean;
    privateNotes: boolean;
  }>;
  votes: ReadonlyArray<{
    id: number;
    title: string;
    outcome: string | null;
    secret: boolean;
    yes: number;
    no: number;
    abstain: number;
    closedOn: string;
  }>;
  rolePeriods: ReadonlyArray<{
    name: string;
    role: string;
    startedOn: string;
    endedOn: string | null;
    termEndsOn: string | null;
    reason: string;
  }>;
  requests: ReadonlyArray<{
    id: number;
    title: string;
    /** The group asked (from) or was asked (to). */
    direction: "from" | "to";
    other: string;
    outcome: string | null;
    answeredOn: string;
  }>;
  /** The reporting sweep's missed and defunct events. */
  events: ReadonlyArray<{ kind: string; periodStart: string; dueOn: string }>;
}

/** One line of a section. */
export interface AnnualItem {
  text: string;
  /** A site-relative link to the record, or null. */
  href: string | null;
  facts: string[];
}

/** One section of the annual report. */
export interface AnnualSection {
  key: "reports" | "meetings" | "decisions" | "membership" | "requests" | "reporting";
  title: string;
  /** Where the figures come from. */
  source: string;
  /** The section's figure in words ("3 reports sent"). */
  summary: string;
  items: AnnualItem[];
  /** Said in place of the items when there are none. */
  empty: string;
  /** What the viewer is not shown, in words (null: nothing withheld). */
  withheld: string | null;
}

/** A built annual report. */
export interface AnnualReport {
  group: { slug: string; name: string };
  year: number;
  from: string;
  to: string;
  /** The day the figures were computed (today, UTC). */
  asOf: string;
  /** The year has not ended yet: the figures are so far. */
  partial: boolean;
  sections: AnnualSection[];
}

const NONE = "None recorded.";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ROLE_NAMES: Record<string, string> = {
  member: "member",
  chair: "Chair",
  "co-chair": "Co-Chair",
  "board-liaison": "Board Liaison",
  "steering-council-liaison": "Steering Council Liaison",
};
const roleName = (role: string) => ROLE_NAMES[role] ?? role;

/** The first and last day of a year. */
export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** How a role period that ended did: its term ran out (lapsed), or the person left or was removed. */
export function endedHow(p: { endedOn: string | null; termEndsOn: string | null }): "lapsed" | "left" {
  return p.termEndsOn !== null && p.endedOn === p.termEndsOn ? "lapsed" : "left";
}

/** Builds the annual report: only the year's facts, only what `access` lets the viewer see. */
export function buildAnnualReport(input: {
  records: AnnualRecords;
  access: AnnualAccess;
  today: string;
}): AnnualReport {
  const { records: r, access } = input;
  const { from, to } = yearBounds(r.year);
  const inYear = (d: string | null): d is string => d !== null && d >= from && d <= to;

  // Reports sent in the year.
  const sent = r.reports.filter((x) => inYear(x.submittedOn));
  const shown = sent.filter((x) => x.visibility === "public" || access.boardReports);
  const hiddenReports = sent.length - shown.length;
  const reports: AnnualSection = {
    key: "reports",
    title: "Reports to the Board",
    source: "reports submitted in Guildhall, by the day they were sent",
    summary: `${plural(sent.length, "report")} sent`,
    items: [...shown]
      .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn))
      .map((x) => ({
        text: `Report for ${x.periodStart} to ${x.periodEnd}${x.visibility === "board" ? " (Board-only)" : ""}: ${x.highlights.join(" ")}`,
        href: `/reports/${x.id}`,
        facts: [`sent ${x.submittedOn}`],
      })),
    empty: NONE,
    withheld: hiddenReports > 0 ? `${plural(hiddenReports, "Board-only report")} not shown to you.` : null,
  };

  // Meetings held (scheduled, not cancelled, started in the year and by today).
  const held = r.meetings
    .filter((m) => inYear(m.heldOn) && m.heldOn <= input.today)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const meetings: AnnualSection = {
    key: "meetings",
    title: "Meetings held",
    source: "meetings scheduled in Guildhall and not cancelled",
    summary: `${plural(held.length, "meeting")} held${held.length ? ` (${held.map((m) => m.heldOn).join(", ")})` : ""}`,
    items: held.map((m) => {
      const facts = [m.publicNotes ? "public notes published" : "no public notes"];
      if (access.privateNotes && m.privateNotes) facts.push("private notes recorded");
      return {
        text: `${m.heldOn}: ${m.title}`,
        href:
          m.publicNotes || (access.privateNotes && m.privateNotes)
            ? `/groups/${r.group.slug}/meetings/${m.id}`
            : null,
        facts,
      };
    }),
    empty: NONE,
    withheld: null,
  };

  // Votes closed in the year.
  const closed = r.votes
    .filter((v) => inYear(v.closedOn))
    .sort((a, b) => a.closedOn.localeCompare(b.closedOn));
  const passed = closed.filter((v) => v.outcome === "passed").length;
  const decisions: AnnualSection = {
    key: "decisions",
    title: "Decisions",
    source: "votes closed in Guildhall",
    summary: `${plural(closed.length, "vote")} closed: ${passed} passed, ${closed.length - passed} failed or without outcome`,
    items: access.voteDetails
      ? closed.map((v) => ({
          text: v.title,
          href: `/votes/${v.id}`,
          facts: [
            `closed ${v.closedOn}`,
            v.outcome ?? "no outcome recorded",
            `${v.yes} yes, ${v.no} no, ${v.abstain} abstain${v.secret ? " (secret ballot)" : ""}`,
          ],
        }))
      : [],
    empty: closed.length && !access.voteDetails ? "" : NONE,
    withheld:
      closed.length && !access.voteDetails
        ? "The votes' questions and tallies are shown to the group, the Board and administrators."
        : null,
  };

  // Membership changes from role periods (charter-named periods are not decisions of the year).
  const joined = r.rolePeriods.filter((p) => inYear(p.startedOn) && p.reason !== "named in the charter");
  const ended = r.rolePeriods.filter((p) => inYear(p.endedOn));
  const lapsed = ended.filter((p) => endedHow(p) === "lapsed");
  const left = ended.filter((p) => endedHow(p) === "left");
  const changes = [
    ...joined.map((p) => ({
      day: p.startedOn,
      text: `${p.name} joined as ${roleName(p.role)}`,
      how: "joined",
    })),
    ...left.map((p) => ({
      day: p.endedOn ?? "",
      text: `${p.name} left as ${roleName(p.role)}`,
      how: "left",
    })),
    ...lapsed.map((p) => ({
      day: p.endedOn ?? "",
      text: `${p.name}'s term as ${roleName(p.role)} lapsed`,
      how: "lapsed",
    })),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.text.localeCompare(b.text));
  const membership: AnnualSection = {
    key: "membership",
    title: "Membership changes",
    source: "role periods recorded by decisions (votes, renewals, lapses, leaving)",
    summary: `${joined.length} joined, ${left.length} left, ${lapsed.length} lapsed`,
    items: changes.map((c) => ({ text: c.text, href: null, facts: [`${c.how} ${c.day}`] })),
    empty: NONE,
    withheld: null,
  };

  // Requests answered in the year (public ones: see annual.repo.ts).
  const answered = r.requests
    .filter((q) => inYear(q.answeredOn))
    .sort((a, b) => a.answeredOn.localeCompare(b.answeredOn));
  const requests: AnnualSection = {
    key: "requests",
    title: "Requests answered",
    source: "public requests between groups answered in Guildhall",
    summary: `${plural(answered.length, "request")} answered`,
    items: answered.map((q) => ({
      text: q.direction === "from" ? `Asked ${q.other}: ${q.title}` : `Asked by ${q.other}: ${q.title}`,
      href: `/requests/${q.id}`,
      facts: [`answered ${q.answeredOn}`, q.outcome ?? "no outcome"],
    })),
    empty: NONE,
    withheld: null,
  };

  // Missed periods and the defunct flag, as the reporting sweep recorded them.
  const flagged = r.events
    .filter((e) => (e.kind === "missed" || e.kind === "defunct") && inYear(e.dueOn))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind));
  const missed = flagged.filter((e) => e.kind === "missed").length;
  const defunct = flagged.filter((e) => e.kind === "defunct").length;
  const reporting: AnnualSection = {
    key: "reporting",
    title: "Missed reports and defunct flags",
    source: "the reporting sweep's records (due dates from the charter's cadence)",
    summary: `${plural(missed, "reporting period")} missed; ${defunct ? "flagged defunct" : "not flagged defunct"}`,
    items: flagged.map((e) => ({
      text:
        e.kind === "missed"
          ? `Report for the period starting ${e.periodStart} missed`
          : `Flagged defunct (two consecutive periods missed)`,
      href: `/groups/${r.group.slug}/reports`,
      facts: [`on ${e.dueOn}`],
    })),
    empty: NONE,
    withheld: null,
  };

  return {
    group: { slug: r.group.slug, name: r.group.name },
    year: r.year,
    from,
    to,
    asOf: input.today,
    partial: input.today < to,
    sections: [reports, meetings, decisions, membership, requests, reporting],
  };
}

/** Escapes what markdown would read as markup in a line of text. */
const escapeText = (text: string): string => text.replace(/[\\`*_[\]<>#|]/g, (ch) => `\\${ch}`);

/** The annual report as markdown, with absolute links. */
export function annualMarkdown(report: AnnualReport, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  const lines = [
    `# ${escapeText(report.group.name)}: annual report ${report.year}`,
    "",
    `Covers ${report.from} to ${report.to}${report.partial ? ` (so far: as of ${report.asOf})` : ""}. Generated by Guildhall from ${base}/groups/${report.group.slug}/annual/${report.year}.`,
  ];
  for (const s of report.sections) {
    lines.push("", `## ${escapeText(s.title)}`, "", `${escapeText(s.summary)}.`, "");
    lines.push(`Source: ${escapeText(s.source)}, as of ${report.asOf}.`, "");
    if (s.items.length === 0 && s.empty) lines.push(s.empty);
    for (const item of s.items) {
      const text = escapeText(item.text);
      const line = item.href ? `[${text}](${base}${item.href})` : text;
      lines.push(`- ${line}${item.facts.length ? ` (${item.facts.map(escapeText).join("; ")})` : ""}`);
    }
    if (s.withheld) lines.push("", escapeText(s.withheld));
  }
  return `${lines.join("\n")}\n`;
}
