/** Readiness pages: `/readiness` (every live series) and `/readiness/<series>` (chart + list). */
import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { type Provenance, SourceNote } from "../../platform/view/provenance.tsx";
import { Table } from "../../platform/view/table.tsx";
import type { CatalogueProvenance } from "../packages/catalogue-provenance.ts";
import { describeMilestoneDate } from "../releases/calendar.ts";
import { CalendarFeedLinks } from "../releases/releases.views.tsx";
import type {
  ReadinessOverviewRow,
  SeriesReadinessReport,
  VerdictsHint,
} from "./compute-series-readiness.ts";
import { VERDICTS } from "./readiness.ts";
import { describeReadiness } from "./readiness-chart.ts";
import { VERDICT_LABELS, type Verdict } from "./verdict.ts";

const VERDICT_CLASS: Record<Verdict, string> = {
  yes: "ok",
  maybe: "warn",
  no: "bad",
  unknown: "",
  "not-synced": "",
};

/** A ready share, or "not known" when no considered package has known metadata. */
const pct = (x: number | null) => (x === null ? "not known" : `${(x * 100).toFixed(1)}%`);

/** Where the figures come from, and what to run when some packages are not synced yet. */
function ReadinessSources(props: {
  provenance: Provenance;
  catalogue: CatalogueProvenance;
  toGetVerdicts: VerdictsHint | null;
}) {
  const c = props.catalogue;
  return (
    <>
      <SourceNote
        sources={[props.provenance, ...(c.lastSync ? [c.lastSync] : []), ...(c.snapshot ? [c.snapshot] : [])]}
      />
      {!c.lastSync && (
        <p class="muted">
          The catalogue has not been synced from an index yet: there is no "last synced" time.
        </p>
      )}
      {props.toGetVerdicts && (
        <p role="note">
          <strong>Not synced yet.</strong> {props.toGetVerdicts.notSynced} of these packages have not been
          synced from an index, so what they support is not known. To get verdicts, run a sync:{" "}
          <code>{props.toGetVerdicts.command}</code>. Packages not synced are counted apart ("not synced yet")
          and left out of the ready share, which is worked out over the packages whose metadata is known.
        </p>
      )}
    </>
  );
}

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
export function ReadinessIndexPage(props: {
  today: string;
  top: number;
  rows: ReadinessOverviewRow[];
  provenance: Provenance;
  catalogue: CatalogueProvenance;
  toGetVerdicts: VerdictsHint | null;
}) {
  return (
    <Layout title="Django readiness" path="/readiness" head={<CalendarFeedLinks />}>
      <h1>Package readiness per Django series</h1>
      <p>
        How many of the top {props.top} packages by downloads declare support for each supported or upcoming
        Django series, judged from the latest release's classifiers, Django requirement and Requires-Python,
        as of <time datetime={props.today}>{props.today}</time>.
      </p>
      <ReadinessSources
        provenance={props.provenance}
        catalogue={props.catalogue}
        toGetVerdicts={props.toGetVerdicts}
      />
      <TopForm action="/readiness" top={props.top} />
      <Table caption={`Readiness of the top ${props.top} packages per Django series`}>
        <thead>
          <tr>
            <th scope="col">Series</th>
            <th scope="col">Status</th>
            <th scope="col">Ready (yes)</th>
            {VERDICTS.map((v) => (
              <th scope="col">{VERDICT_LABELS[v]}</th>
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
      </Table>
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
        {r.readyShare === null
          ? `Ready share not known: none of the top ${r.considered} packages by downloads has been synced from an index, so what they support is not known yet.`
          : `${pct(r.readyShare)} of the ${r.known === r.considered ? `top ${r.considered}` : `${r.known} synced packages among the top ${r.considered}`} packages by downloads are ready (${r.counts.yes} say yes).`}{" "}
        Django {s.series} is {report.phase.replace(/-/g, " ")}
        {report.upcoming &&
          `; its final release is ${s.milestones.final.status === "projected" ? "projected for" : "due on"} ${describeMilestoneDate(s.milestones.final).replace(", projected", "")}`}
        . Judged on <time datetime={report.today}>{report.today}</time> over a catalogue of{" "}
        {report.catalogue.packages.toLocaleString("en")} packages (
        {report.catalogue.synced.toLocaleString("en")} synced).
      </p>
      <ReadinessSources
        provenance={report.provenance}
        catalogue={report.catalogue}
        toGetVerdicts={report.toGetVerdicts}
      />
      {r.counts.unknown > 0 && (
        <p>
          {r.counts.unknown} of these packages were synced and their latest release declares no classifiers,
          requirements or Requires-Python: nothing rules a series in or out ("declares nothing").
        </p>
      )}
      <TopForm action={`/readiness/${s.series}`} top={r.top} />
      <h2>Verdicts</h2>
      <figure class="chart">
        {trustedSvg(props.chartSvg)}
        <figcaption>{describeReadiness(r)}</figcaption>
      </figure>
      <h2>Packages</h2>
      <Table
        caption={`Top ${r.considered} packages and their verdict for Django ${s.series}`}
        rows={r.rows}
        columns={[
          { header: "Rank", cell: (row) => row.downloadRank },
          { header: "Package", cell: (row) => row.displayName, rowHeader: true },
          { header: "Latest version", cell: (row) => row.version },
          {
            header: "Verdict",
            cell: (row) => (
              <>
                <span class={`flag ${VERDICT_CLASS[row.compat.verdict]}`}>
                  {VERDICT_LABELS[row.compat.verdict]}
                </span>
              </>
            ),
          },
          { header: "Decided by", cell: (row) => row.compat.decidedBy ?? "nothing" },
          {
            header: "Evidence",
            cell: (row) => (
              <>
                <ul>
                  {row.compat.verdict === "not-synced" && <li>{row.compat.reason}</li>}
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
              </>
            ),
          },
        ]}
      />
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
        <li>Otherwise maybe, or "declares nothing" when the synced release has no metadata at all.</li>
        <li>
          A package whose metadata has never been fetched (known only from a download-rank snapshot) is "not
          synced yet": nothing is known about it, and it is left out of the ready share.
        </li>
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
