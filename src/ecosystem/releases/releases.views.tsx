/** Pages of the release calendar: `/releases` (chart + table) and `/releases/support` (advice). */

import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import {
  MILESTONE_KINDS,
  type Milestone,
  type ReleaseSeries,
  type SupportAdvice,
  seriesPhase,
} from "./calendar.ts";
import { describeSupportWindows } from "./support-chart.ts";

/** The `<link rel="alternate" type="text/calendar">` links of the calendar feeds. */
export function CalendarFeedLinks(props: { series?: string }) {
  return (
    <>
      <link
        rel="alternate"
        type="text/calendar"
        title="All Django release milestones"
        href="/releases/calendar.ics"
      />
      {props.series && (
        <link
          rel="alternate"
          type="text/calendar"
          title={`Django ${props.series} milestones`}
          href={`/releases/${props.series}.ics`}
        />
      )}
    </>
  );
}

function MilestoneCell(props: { m: Milestone }) {
  const projected = props.m.status === "projected";
  return (
    <td title={props.m.rule}>
      <time datetime={props.m.date} style="white-space:nowrap">
        {props.m.date}
      </time>
      {projected && (
        <>
          {" "}
          <span class="flag warn">projected</span>
        </>
      )}
    </td>
  );
}

const COLUMN_LABELS: Record<string, string> = {
  alpha: "Alpha (feature freeze)",
  beta: "Beta",
  rc: "Release candidate (string freeze)",
  final: "Final",
  "end-mainstream": "Mainstream support ends",
  "end-extended": "Extended support ends",
};

const PHASE_TEXT: Record<string, string> = {
  "in-development": "in development",
  "pre-release": "pre-release",
  mainstream: "mainstream support",
  extended: "extended support (security only)",
  "end-of-life": "end of life",
};

/** The calendar page: chart of support windows with its text alternative, then the data table. */
export function ReleasesPage(props: {
  calendar: readonly ReleaseSeries[];
  today: string;
  chartSvg: string;
  /** Present when the viewer may record announced dates (site admins). */
  recordForm?: RecordFormState | undefined;
}) {
  return (
    <Layout title="Django releases" path="/releases" head={<CalendarFeedLinks />}>
      <h1>Django release calendar</h1>
      <p>
        Every Django series from 4.2 on, with its milestones and support windows as of{" "}
        <time datetime={props.today}>{props.today}</time>. Dates marked{" "}
        <span class="flag warn">projected</span> are worked out from the release policy (DEP 4 until 6.2, DEP
        20's yearly calendar versions from 2028) and are not announced; hover a date or read the rules below.
      </p>
      <p>
        <a href="/releases/support">Which Django versions should my package support today?</a> ·{" "}
        <a href="/releases/calendar.ics">Subscribe to all milestones (iCalendar)</a> ·{" "}
        <a href="/readiness">Package readiness per series</a> · <a href="/api/releases">JSON</a>
      </p>
      <h2>Support windows</h2>
      <figure class="chart">
        {trustedSvg(props.chartSvg)}
        <figcaption>
          <details>
            <summary>Text description of the chart</summary>
            <p>{describeSupportWindows(props.calendar, props.today)}</p>
          </details>
        </figcaption>
      </figure>
      <h2>Milestones</h2>
      <div class="table-wrap">
        <table>
          <caption>Django series and their milestones (projected dates marked)</caption>
          <thead>
            <tr>
              <th scope="col">Series</th>
              <th scope="col">Status today</th>
              <th scope="col">Python</th>
              {MILESTONE_KINDS.map((k) => (
                <th scope="col">{COLUMN_LABELS[k]}</th>
              ))}
              <th scope="col">Feed</th>
            </tr>
          </thead>
          <tbody>
            {props.calendar.map((s) => (
              <tr>
                <th scope="row">
                  {s.series}
                  {s.lts && " LTS"}
                </th>
                <td>{PHASE_TEXT[seriesPhase(s, props.today)]}</td>
                <td>
                  {s.python.join(", ")}
                  {s.pythonStatus === "projected" && (
                    <>
                      {" "}
                      <span class="flag warn">projected</span>
                    </>
                  )}
                </td>
                {MILESTONE_KINDS.map((k) => (
                  <MilestoneCell m={s.milestones[k]} />
                ))}
                <td>
                  <a href={`/releases/${s.series}.ics`}>
                    {s.series}.ics<span class="visually-hidden"> (iCalendar feed of Django {s.series})</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>How dates are projected</h2>
      <ul>
        <li>
          Dates given to the day by djangoproject.com are announced; dates recorded by an admin are too.
        </li>
        <li>
          A date known only as a month is placed on the first Wednesday of the month (X.Y series) or the
          Wednesday of the second week (calendar versions).
        </li>
        <li>
          X.Y pre-releases: alpha 11 weeks, beta 6 weeks and release candidate 2 weeks before the final, as in
          the announced 6.0 schedule.
        </li>
        <li>
          Calendar versions (DEP 20, from 2028): series named by year (`2028`, patch releases `2028.1`,
          pre-releases `2028a1`); alpha in October, beta in November, release candidate in December, final in
          the second week of January; 12 months of mainstream support and extended support until January three
          years after the release; Python support "two green plus last yellow" CPython versions.
        </li>
      </ul>
      {props.recordForm && <RecordMilestoneForm state={props.recordForm} calendar={props.calendar} />}
    </Layout>
  );
}

/** The advice page: which series a package should support today, and why. */
export function SupportPage(props: { advice: SupportAdvice; calendar: readonly ReleaseSeries[] }) {
  const a = props.advice;
  return (
    <Layout title="Which Django versions to support" path="/releases/support" head={<CalendarFeedLinks />}>
      <h1>Which Django versions should my package support today?</h1>
      <p>
        As of <time datetime={a.today}>{a.today}</time>.
      </p>
      <h2>Answer</h2>
      <dl class="facts">
        <dt>Support and test</dt>
        <dd>{a.recommended.length ? a.recommended.join(", ") : "none"}</dd>
        <dt>May drop</dt>
        <dd>{a.mayDrop.length ? a.mayDrop.join(", ") : "nothing still supported needs dropping"}</dd>
        <dt>Requirement</dt>
        <dd>{a.requiresDist ? <code>{a.requiresDist}</code> : "none"}</dd>
        <dt>Python versions</dt>
        <dd>{a.python.join(", ")}</dd>
        <dt>Classifiers</dt>
        <dd>
          <ul>
            {a.classifiers.map((c) => (
              <li>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <h2>Upcoming series to test against</h2>
      <ul>
        {a.testAgainst.map((t) => (
          <li>
            <strong>{t.series}</strong>: {t.how}.{" "}
            <a href={`/readiness/${t.series}`}>Readiness of {t.series}</a>
          </li>
        ))}
      </ul>
      <h2>Reasoning</h2>
      <ol>
        {a.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ol>
      <p>
        <a href="/releases">Back to the release calendar</a>
      </p>
    </Layout>
  );
}

/** The admin form's state: what was last recorded (a refused submission is re-shown by the form itself). */
export interface RecordFormState {
  recorded?: string | undefined;
}

/** Lets a site admin record an announced milestone date, which then overrides the projection. */
function RecordMilestoneForm(props: { state: RecordFormState; calendar: readonly ReleaseSeries[] }) {
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">Record an announced date</h2>
      {props.state.recorded && <p role="status">{props.state.recorded}</p>}
      <Form
        action="/releases/milestones"
        class="inline"
        submit="Record"
        fields={[
          {
            name: "series",
            label: "Series",
            kind: "select",
            options: props.calendar.map((s) => ({ value: s.series, label: s.series })),
          },
          {
            name: "milestone",
            label: "Milestone",
            kind: "select",
            options: MILESTONE_KINDS.map((m) => ({ value: m, label: m })),
          },
          { name: "date", label: "Date (YYYY-MM-DD)", kind: "date", required: true },
          { name: "note", label: "Source or note", attrs: { maxlength: 500 } },
        ]}
      />
    </section>
  );
}
