/** Readiness pages: `/readiness` (every live series) and `/readiness/<series>` (chart + list). */
import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { CalendarFeedLinks } from "../releases/releases.views.tsx";
import type { ReadinessOverviewRow, SeriesReadinessReport } from "./compute-series-readiness.ts";
import { VERDICTS } from "./readiness.ts";
import { describeReadiness } from "./readiness-chart.ts";
import type { Verdict } from "./verdict.ts";

const VERDICT_CLASS: Record<Verdict, string> = { yes: "ok", maybe: "warn", no: "bad", unknown: "" };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function TopForm(props: { action: string; top: number; series?: readonly string[]; current?: string }) {
  return (
    <Form
      method="get"
      action={props.action}
      class="inline"
      label="Choose the number of packages"
      submit="Show"
      fields={[
        ...(props.series
          ? [
              {
                name: "series",
                label: "Django series",
                kind: "select" as const,
                value: props.current,
                options: props.series.map((s) => ({ value: s, label: s })),
              },
            ]
          : []),
        {
          name: "top",
          label: "Top packages by downloads",
          kind: "number",
          value: String(props.top),
          attrs: { min: 1, max: 15000 },
        },
      ]}
    />
  );
}

/** The index: one line per supported or upcoming series. */
export function ReadinessIndexPage(props: { today: string; top: number; rows: ReadinessOverviewRow[] }) {
  return (
    <Layout title="Django readiness" path="/readiness" head={<CalendarFeedLinks />}>
      <h1>Package readiness per Django series</h1>
      <p>
        How many of the top {props.top} packages by downloads declare support for each supported or upcoming
        Django series, judged from the latest release's classifiers, Django requirement and Requires-Python,
        as of <time datetime={props.today}>{props.today}</time>.
      </p>
      <TopForm action="/readiness" top={props.top} />
      <table>
        <caption>Readiness of the top {props.top} packages per Django series</caption>
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">Status</th>
            <th scope="col">Ready (yes)</th>
            {VERDICTS.map((v) => (
              <th scope="col">{v}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/readiness/${r.series}?top=${props.top}`}>
                  {r.series}
                  {r.lts && " LTS"}
                </a>
              </th>
              <td>
                {r.phase.replace(/-/g, " ")}
                {r.upcoming && " (upcoming)"}
              </td>
              <td>{pct(r.readyShare)}</td>
              {VERDICTS.map((v) => (
                <td>{r.counts[v]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/releases">Release calendar</a> ·{" "}
        <a href={`/api/readiness/${props.rows[0]?.series ?? "6.1"}?top=${props.top}`}>JSON API</a>
      </p>
    </Layout>
  );
}

/** One series: summary, chart with text alternative, then every package with its verdict and evidence. */
export function SeriesReadinessPage(props: {
  report: SeriesReadinessReport;
  chartSvg: string;
  allSeries: string[];
}) {
  const { report } = props;
  const r = report.readiness;
  const s = report.series;
  return (
    <Layout
      title={`Django ${s.series} readiness`}
      path={`/readiness/${s.series}`}
      head={<CalendarFeedLinks series={s.series} />}
    >
      <h1>
        Readiness for Django {s.series}
        {s.lts && " LTS"}
      </h1>
      <p>
        {pct(r.readyShare)} of the top {r.considered} packages by downloads are ready ({r.counts.yes} say
        yes). Django {s.series} is {report.phase.replace(/-/g, " ")}
        {report.upcoming &&
          `; its final release is ${s.milestones.final.status === "projected" ? "projected for" : "due on"} ${s.milestones.final.date}`}
        . Judged on <time datetime={report.today}>{report.today}</time>; catalogue of{" "}
        {report.catalogue.packages} packages
        {report.catalogue.syncedAt ? `, last synced ${report.catalogue.syncedAt}` : ", never synced"}.
      </p>
      {r.counts.unknown > 0 && (
        <p>
          {r.counts.unknown} of these packages have no classifiers, requirements or Requires-Python in the
          catalogue (rows loaded from a download-rank snapshot, or not yet synced with PyPI); their verdict is
          unknown until a sync fills them in.
        </p>
      )}
      <TopForm action={`/readiness/${s.series}`} top={r.top} />
      <h2>Verdicts</h2>
      <figure class="chart">
        {trustedSvg(props.chartSvg)}
        <figcaption>{describeReadiness(r)}</figcaption>
      </figure>
      <h2>Packages</h2>
      <table>
        <caption>
          Top {r.considered} packages and their verdict for Django {s.series}
        </caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Package</th>
            <th scope="col">Latest version</th>
            <th scope="col">Verdict</th>
            <th scope="col">Decided by</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((row) => (
            <tr>
              <td>{row.downloadRank}</td>
              <th scope="row">{row.displayName}</th>
              <td>{row.version}</td>
              <td>
                <span class={`flag ${VERDICT_CLASS[row.compat.verdict]}`}>{row.compat.verdict}</span>
              </td>
              <td>{row.compat.decidedBy ?? "nothing"}</td>
              <td>
                <ul>
                  {row.compat.evidence.map((e) => (
                    <li>
                      {e.source}: {e.says} ({e.detail})
                    </li>
                  ))}
                  {row.compat.conflicts.map((c) => (
                    <li>
                      <strong>Disagreement:</strong> {c}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>How verdicts are decided</h2>
      <ol>
        <li>
          A Django requirement that excludes the series, or a Requires-Python that allows none of its Python
          versions, says no.
        </li>
        <li>The series' classifier (Framework :: Django :: {s.series}) says yes.</li>
        <li>A Django requirement with an upper bound that allows the series says yes.</li>
        <li>A major-only classifier covering the series says yes.</li>
        <li>Other versioned Django classifiers without this one say no (the pyreadiness rule).</li>
        <li>Otherwise maybe, or unknown when the release has no metadata at all.</li>
      </ol>
      <p>
        Other series:{" "}
        {props.allSeries.map((x, i) => (
          <>
            {i > 0 && ", "}
            <a href={`/readiness/${x}?top=${r.top}`}>{x}</a>
          </>
        ))}
        . <a href={`/api/readiness/${s.series}?top=${r.top}`}>JSON</a>
      </p>
    </Layout>
  );
}
