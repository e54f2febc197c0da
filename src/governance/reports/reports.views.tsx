/** Reporting pages: a group's reports and schedule, the report form, one report, and the Board's section. */

import { Layout } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { Section } from "../../platform/view/section.tsx";
import { type Column, Table } from "../../platform/view/table.tsx";
import type { PeriodActivity } from "./draft.ts";
import type { GroupReporting } from "./reporting-status.ts";
import type { ReportRow } from "./reports.repo.ts";
import { type Period, periodLabel } from "./schedule.ts";

const STATE_TEXT = { due: "due", overdue: "overdue", submitted: "submitted", missed: "missed" } as const;

/** The Board's decisions as shown. */
export interface DecisionView {
  kind: string;
  reason: string;
  endsOn: string | null;
  decidedOn: string;
}

/** The defunct notice and the Board's latest decision, for a group's pages and /board. */
export function DefunctNotice(props: { reporting: GroupReporting }) {
  const r = props.reporting;
  if (!r.defunctSince) return null;
  return (
    <p class="warning" role="status">
      <strong>Flagged defunct</strong> since {r.defunctSince} (UTC): two consecutive reporting periods missed
      (DSF working groups README). The flag stands until the Board records a decision.
    </p>
  );
}

const PERIOD_COLUMNS: readonly Column<GroupReporting["periods"][number]>[] = [
  { header: "Period", cell: (p) => p.period },
  { header: "Due (UTC)", cell: (p) => p.dueOn },
  { header: "State", cell: (p) => STATE_TEXT[p.state] },
];

/** The schedule in words, with the periods' states. */
export function ScheduleSummary(props: { reporting: GroupReporting; today: string }) {
  const r = props.reporting;
  if (r.schedule.kind === "unscheduled") {
    return <p>No reports are due: {r.schedule.reason}. Source: the group's charter as last imported.</p>;
  }
  return (
    <>
      <p>
        Reports {r.schedule.cadence.replace(/-/gu, " ")} (source: the group's charter as last imported), due
        14 days after each period ends; tracked since {r.trackedFrom} (UTC). As of {props.today} (UTC):
      </p>
      <Table caption="Reporting periods" columns={PERIOD_COLUMNS} rows={r.periods} />
    </>
  );
}

function ReportList(props: { reports: readonly ReportRow[]; showGroup?: boolean }) {
  return (
    <ItemList
      items={props.reports}
      empty="No reports you can see yet."
      item={(r) => (
        <>
          <a href={`/reports/${r.id}`}>
            {props.showGroup ? `${r.group.name}: ` : ""}
            {periodLabel({ start: r.periodStart, end: r.periodEnd })}
          </a>{" "}
          ({r.visibility === "board" ? "Board only" : "public"}, sent{" "}
          {r.submittedAt.toISOString().slice(0, 10)} UTC)
        </>
      )}
    />
  );
}

/** The Board's decision form (exception with reason and end date, or shutdown). */
export function DecisionForm(props: { slug: string }) {
  return (
    <Form
      action={`/groups/${props.slug}/reporting-decisions`}
      submit="Record the Board's decision"
      fields={[
        {
          name: "kind",
          label: "Decision",
          kind: "radios",
          required: true,
          options: [
            { value: "exception", label: "Exception granted (give the day it ends)" },
            { value: "shutdown", label: "Shutdown started" },
          ],
        },
        { name: "reason", label: "Reason", kind: "textarea", required: true, attrs: { rows: 3 } },
        {
          name: "endsOn",
          label: "Exception ends on (UTC)",
          kind: "date",
          hint: "Leave empty for a shutdown.",
        },
      ]}
    />
  );
}

/** A group's reporting page. */
export function GroupReportsPage(props: {
  group: { slug: string; name: string };
  reporting: GroupReporting;
  today: string;
  reports: readonly ReportRow[];
  decisions: readonly DecisionView[];
  maySubmit: boolean;
  mayDecide: boolean;
}) {
  const { group } = props;
  return (
    <Layout title={`${group.name}: reports`} path="/groups">
      <p>
        <a href={`/groups/${group.slug}`}>{group.name}</a>
      </p>
      <h1>{group.name}: reports to the Board</h1>
      <DefunctNotice reporting={props.reporting} />
      <Section id="r-schedule" title="Schedule">
        <ScheduleSummary reporting={props.reporting} today={props.today} />
        {props.maySubmit && (
          <p>
            <a href={`/groups/${group.slug}/reports/new`}>Write a report</a>
          </p>
        )}
      </Section>
      <Section id="r-list" title="Reports">
        <ReportList reports={props.reports} />
        <p>
          Annual reports (reports, meetings, decisions and membership changes of a year):{" "}
          {[0, 1, 2].map((back, i) => {
            const year = Number(props.today.slice(0, 4)) - back;
            return (
              <>
                {i > 0 && ", "}
                <a href={`/groups/${group.slug}/annual/${year}`}>{year}</a>
              </>
            );
          })}
          .
        </p>
      </Section>
      <Section id="r-decisions" title="The Board's decisions on reporting">
        <ItemList
          items={props.decisions}
          empty="None recorded."
          item={(d) => (
            <>
              {d.decidedOn}: {d.kind === "exception" ? `exception until ${d.endsOn}` : "shutdown started"} (
              {d.reason})
            </>
          )}
        />
        {props.mayDecide && <DecisionForm slug={group.slug} />}
      </Section>
    </Layout>
  );
}

/** The report form, pre-filled from the period's recorded activity. */
export function ReportFormPage(props: {
  group: { slug: string; name: string };
  periods: readonly Period[];
  period: Period;
  draft: { highlights: string[]; activity: PeriodActivity };
}) {
  const { group, draft } = props;
  const a = draft.activity;
  return (
    <Layout title={`${group.name}: write a report`} path="/groups">
      <p>
        <a href={`/groups/${group.slug}/reports`}>{group.name}: reports</a>
      </p>
      <h1>Report for {periodLabel(props.period)}</h1>
      <p>
        Recorded in Guildhall for {props.period.start} to {props.period.end} (UTC): {a.votesClosed.length}{" "}
        vote(s) decided, {a.votesOpened} opened, {a.joined.length} joined, {a.left.length} left. Meetings are
        not recorded in Guildhall yet. The highlights below are a draft from that activity: edit them freely.
      </p>
      <Form
        action={`/groups/${group.slug}/reports`}
        submit="Send the report"
        fields={[
          {
            name: "periodStart",
            label: "Period",
            kind: "select",
            required: true,
            value: props.period.start,
            options: props.periods.map((p) => ({
              value: p.start,
              label: `${periodLabel(p)} (due ${p.dueOn})`,
            })),
          },
          {
            name: "visibility",
            label: "Who may read it",
            kind: "radios",
            required: true,
            value: "public",
            options: [
              { value: "public", label: "Public (listed in the feed)" },
              { value: "board", label: "Board only (the Board, the group and site administrators)" },
            ],
          },
          {
            name: "highlights",
            label: "Highlights (3 to 5, one per line)",
            kind: "textarea",
            required: true,
            value: draft.highlights.join("\n"),
            attrs: { rows: 6 },
          },
          {
            name: "asks",
            label: "Asks of the Board (optional, one per line)",
            kind: "textarea",
            attrs: { rows: 3 },
          },
          { name: "challenges", label: "Challenges (optional)", kind: "textarea", attrs: { rows: 3 } },
          { name: "nextSteps", label: "Next steps (optional)", kind: "textarea", attrs: { rows: 3 } },
          { name: "notes", label: "Other notes (optional)", kind: "textarea", attrs: { rows: 3 } },
        ]}
      />
    </Layout>
  );
}

/** One report. */
export function ReportPage(props: { report: ReportRow }) {
  const r = props.report;
  const label = periodLabel({ start: r.periodStart, end: r.periodEnd });
  return (
    <Layout title={`${r.group.name}: report for ${label}`} path="/groups">
      <p>
        <a href={`/groups/${r.group.slug}/reports`}>{r.group.name}: reports</a>
      </p>
      <h1>
        {r.group.name}: report for {label}
      </h1>
      <p>
        {r.visibility === "board" ? "Board only" : "Public"}. Sent{" "}
        {r.submittedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
        {r.submittedBy ? ` by ${r.submittedBy}` : ""}; covers {r.periodStart} to {r.periodEnd}.
      </p>
      <h2>Highlights</h2>
      <ul>
        {r.highlights.map((h) => (
          <li>{h}</li>
        ))}
      </ul>
      <h2>Asks of the Board</h2>
      {r.asks.length ? (
        <ul>
          {r.asks.map((h) => (
            <li>{h}</li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
      {r.challenges && (
        <>
          <h2>Challenges</h2>
          <p>{r.challenges}</p>
        </>
      )}
      {r.nextSteps && (
        <>
          <h2>Next steps</h2>
          <p>{r.nextSteps}</p>
        </>
      )}
      {r.notes && (
        <>
          <h2>Other notes</h2>
          <p>{r.notes}</p>
        </>
      )}
    </Layout>
  );
}

/** The reporting section of /board: defunct groups (with the decision form), overdue and missed reports. */
export function BoardReportsSection(props: { rows: readonly GroupReporting[]; today: string }) {
  const defunct = props.rows.filter((r) => r.defunctSince);
  const late = props.rows.flatMap((r) =>
    r.periods.filter((p) => p.state === "overdue" || p.state === "missed").map((p) => ({ r, p })),
  );
  return (
    <Section id="b-reports" title="Reports">
      <p>
        As of {props.today} (UTC), from each group's charter cadence.{" "}
        <a href="/reports.atom">Public reports feed</a>.
      </p>
      <h3>Flagged defunct</h3>
      <ItemList
        items={defunct}
        empty="No group is flagged defunct."
        item={(r) => (
          <>
            <a href={`/groups/${r.group.slug}/reports`}>{r.group.name}</a>: since {r.defunctSince} (record the
            Board's decision on its reports page)
          </>
        )}
      />
      <h3>Overdue and missed reports</h3>
      <ItemList
        items={late}
        empty="No report is overdue."
        item={({ r, p }) => (
          <>
            <a href={`/groups/${r.group.slug}/reports`}>{r.group.name}</a>: {p.period}, due {p.dueOn},{" "}
            {p.state}
          </>
        )}
      />
    </Section>
  );
}
