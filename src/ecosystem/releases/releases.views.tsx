/** Pages of the release calendar: `/releases` (chart + table) and `/releases/support` (advice). */

import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { type Provenance, SourceNote } from "../../platform/view/provenance.tsx";
import { Section } from "../../platform/view/section.tsx";
import { Table } from "../../platform/view/table.tsx";
import {
  MILESTONE_KINDS,
  MILESTONE_SHORT,
  type Milestone,
  type MilestoneKind,
  PYTHON_NOT_ANNOUNCED,
  type ReleaseSeries,
  type SeriesPhase,
  type SupportAdvice,
  seriesPhase,
} from "./calendar.ts";
import { recordCommand, seriesAnchor } from "./release-links.ts";
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

function MilestoneCell(props: { series: string; m: Milestone }) {
  const m = props.m;
  if (m.date === null) {
    return (
      <td title={m.rule}>
        <span class="flag bad">not recorded</span>
      </td>
    );
  }
  return (
    <td title={m.rule}>
      <time datetime={m.date} style="white-space:nowrap">
        {m.date}
      </time>
      {m.status === "projected" && (
        <>
          {" "}
          <span class="flag warn">projected</span>
        </>
      )}
      {m.recorded && (
        <>
          {" "}
          <span class="flag ok">recorded</span>
        </>
      )}
      {m.source && (
        <>
          {" "}
          <a href={m.source} class="muted">
            source
            <span class="visually-hidden">
              {" "}
              of the {MILESTONE_SHORT[m.kind]} date of Django {props.series}
            </span>
          </a>
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

/** How each phase reads on the pages. */
export const PHASE_TEXT: Record<SeriesPhase, string> = {
  planned: "planned",
  "in-development": "in development (Django's main branch)",
  "pre-release": "pre-release",
  mainstream: "mainstream support",
  extended: "extended support (security only)",
  "end-of-life": "end of life",
};

/**
 * What the admin form area shows: after a record or removal, which milestone changed (read back
 * from the calendar, not the URL). A refused submission is re-shown by the form itself.
 */
export interface RecordFormState {
  done?: { action: "recorded" | "removed"; series: string; milestone: MilestoneKind } | undefined;
}

/** Where the form removing a recorded date posts (one path per milestone, so each row keeps its own refusal). */
export function removeMilestonePath(series: string, milestone: MilestoneKind): string {
  return `/releases/milestones/${encodeURIComponent(series)}/${milestone}/remove`;
}

/** The calendar page: chart of support windows with its text alternative, then the data table. */
export function ReleasesPage(props: {
  calendar: readonly ReleaseSeries[];
  today: string;
  /** Where the calendar comes from and when it was worked out. */
  provenance: Provenance;
  chartSvg: string;
  /** Present when the viewer may record announced dates (site admins). */
  recordForm?: RecordFormState | undefined;
}) {
  const unrecorded = props.calendar.flatMap((s) =>
    MILESTONE_KINDS.filter((k) => s.milestones[k].status === "not-recorded").map((k) => ({
      series: s.series,
      kind: k,
    })),
  );
  return (
    <Layout title="Django releases" path="/releases" head={<CalendarFeedLinks />}>
      <h1>Django release calendar</h1>
      <p>
        Every Django series from 4.2 on, with its milestones and support windows as of{" "}
        <time datetime={props.today}>{props.today}</time>. Announced dates link to the announcement they were
        checked against. Dates marked <span class="flag warn">projected</span> are still ahead and worked out
        from the release policy (DEP 4 until 6.2, DEP 20's yearly calendar versions from 2028); they are not
        announced. A date marked <span class="flag bad">not recorded</span> has passed without its announced
        date being recorded here: the projection is no longer shown, since it is not a fact.
      </p>
      <p>
        <a href="/releases/support">Which Django versions should my package support today?</a> ·{" "}
        <a href="/releases/calendar.ics">Subscribe to all milestones (iCalendar)</a> ·{" "}
        <a href="/readiness">Package readiness per series</a> · <a href="/api/releases">JSON</a>
      </p>
      <SourceNote sources={[props.provenance]} />
      {props.recordForm?.done && <DoneNotice done={props.recordForm.done} calendar={props.calendar} />}
      <h2>Support windows</h2>
      <figure class="chart">
        {trustedSvg(props.chartSvg)}
        <figcaption>
          <p class="muted">
            Filled bars end on an announced date; outlined (dashed) bars end on a projected one. A pre-release
            bar is left out when the alpha date is not recorded.
          </p>
          <details>
            <summary>Text description of the chart</summary>
            <p>{describeSupportWindows(props.calendar, props.today)}</p>
          </details>
        </figcaption>
      </figure>
      <h2>Milestones</h2>
      <div class="table-wrap">
        <Table caption="Django series and their milestones (projected and unrecorded dates marked)">
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
              <tr id={seriesAnchor(s.series)}>
                <th scope="row">
                  {s.series}
                  {s.lts && " LTS"}
                </th>
                <td>{PHASE_TEXT[seriesPhase(s, props.today)]}</td>
                <td title={s.pythonRule}>
                  {s.pythonStatus === "announced" ? (
                    s.python.join(", ")
                  ) : (
                    <span class="muted">{PYTHON_NOT_ANNOUNCED}</span>
                  )}
                </td>
                {MILESTONE_KINDS.map((k) => (
                  <MilestoneCell series={s.series} m={s.milestones[k]} />
                ))}
                <td>
                  <a href={`/releases/${s.series}.ics`}>
                    {s.series}.ics<span class="visually-hidden"> (iCalendar feed of Django {s.series})</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {unrecorded.length > 0 && (
        <>
          <h2 id="not-recorded">Dates not recorded</h2>
          <p>
            {unrecorded.map((u) => `${u.series} ${MILESTONE_SHORT[u.kind]}`).join(", ")}:{" "}
            {unrecorded.length === 1 ? "this date has" : "these dates have"} passed, and no announced date has
            been recorded. A site admin records one from Django's announcement with the form on this page
            (shown to site admins) or on the command line, for example{" "}
            <code>{recordCommand(unrecorded[0]?.series ?? "6.1", unrecorded[0]?.kind ?? "alpha")}</code>.
          </p>
        </>
      )}
      <h2>How dates are projected</h2>
      <ul>
        <li>
          Dates given to the day by djangoproject.com are announced: pre-releases as their weblog announcement
          or their release on PyPI gives them, final releases and support ends as the release notes and the
          supported-versions table give them. Dates recorded by a site admin count as announced and override
          the rest.
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
          years after the release.
        </li>
        <li>
          A series is in development while Django's main branch targets it (from the previous series' alpha,
          when its stable branch is forked); the series after it are planned. Python versions are listed once
          the release notes announce them.
        </li>
      </ul>
      {props.recordForm && <RecordMilestoneForm state={props.recordForm} calendar={props.calendar} />}
    </Layout>
  );
}

/** The confirmation after a record or removal, read back from the calendar, linking to the changed row. */
function DoneNotice(props: {
  done: NonNullable<RecordFormState["done"]>;
  calendar: readonly ReleaseSeries[];
}) {
  const s = props.calendar.find((x) => x.series === props.done.series);
  if (!s) return null;
  const m = s.milestones[props.done.milestone];
  const what = `the ${MILESTONE_SHORT[m.kind]} of Django ${s.series}`;
  return (
    <p role="status">
      {props.done.action === "recorded"
        ? `Recorded: ${what} is now `
        : `Removed the recorded date: ${what} is now `}
      {m.date === null ? "not recorded" : `${m.date} (${m.recorded ? "recorded" : m.status})`}.{" "}
      <a href={`#${seriesAnchor(s.series)}`}>See Django {s.series} in the calendar</a> ·{" "}
      <a href={`/readiness/${s.series}`}>Readiness of {s.series}</a>
    </p>
  );
}

/** The advice page: which series a package should support today, and why. */
export function SupportPage(props: { advice: SupportAdvice; calendar: readonly ReleaseSeries[] }) {
  const a = props.advice;
  return (
    <Layout title="Which Django versions to support" path="/releases/support" head={<CalendarFeedLinks />}>
      <h1>Which Django versions should my package support today?</h1>
      <p>
        As of <time datetime={a.today}>{a.today}</time>, from the <a href="/releases">release calendar</a>.
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
        <dd>{a.python.length ? a.python.join(", ") : "none announced"}</dd>
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
      <h2>The next series</h2>
      {a.testAgainst.length ? (
        <ul>
          {a.testAgainst.map((t) => (
            <li>
              <strong>{t.series}</strong>: {t.how}.{" "}
              <a href={`/readiness/${t.series}`}>Readiness of {t.series}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>No series is in development or in pre-release on this date.</p>
      )}
      {a.planned.length > 0 && (
        <p>
          Planned, not yet in development: {a.planned.join(", ")}. Django's main branch does not target{" "}
          {a.planned.length === 1 ? "it" : "them"} yet, so there is nothing to test against.
        </p>
      )}
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

/** Lets a site admin record an announced milestone date, or remove a recorded one. */
function RecordMilestoneForm(props: { state: RecordFormState; calendar: readonly ReleaseSeries[] }) {
  const recorded = props.calendar.flatMap((s) =>
    MILESTONE_KINDS.flatMap((k) => {
      const m = s.milestones[k];
      return m.recorded ? [{ series: s.series, m, recorded: m.recorded }] : [];
    }),
  );
  return (
    <Section id="record-heading" title="Record an announced date">
      <p>
        Dates must keep each series' milestones in order (alpha, beta, release candidate, final, then the ends
        of mainstream and extended support). Give the announcement's address as the source.
      </p>
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
      <h3 id="recorded-heading">Recorded dates</h3>
      {recorded.length === 0 ? (
        <p>No date has been recorded; the calendar shows announced and projected dates only.</p>
      ) : (
        <ul aria-labelledby="recorded-heading">
          {recorded.map((r) => (
            <li>
              <Form
                action={removeMilestonePath(r.series, r.m.kind)}
                class="inline"
                submit="Remove"
                submitLabel={`Remove the recorded ${MILESTONE_SHORT[r.m.kind]} of Django ${r.series}`}
                fields={[{ name: "note", label: "Why remove it", attrs: { maxlength: 500 } }]}
              >
                <span>
                  Django {r.series} {MILESTONE_SHORT[r.m.kind]}: {r.m.date}, recorded by {r.recorded.by} on{" "}
                  {r.recorded.at.slice(0, 10)}
                  {r.recorded.note ? ` (${r.recorded.note})` : ""}.
                </span>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
