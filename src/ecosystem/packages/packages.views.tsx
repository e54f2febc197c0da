/** Server-rendered pages of the package catalogue: the list and one project. */
import type { Child } from "hono/jsx";
import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { SourceNote, SourceOf } from "../../platform/view/provenance.tsx";
import { Table } from "../../platform/view/table.tsx";
import type { Verdict } from "../compat/verdict.ts";
import { HEALTH_BUCKETS, HEALTH_LABELS } from "../health/compute-health.ts";
import { HealthCell } from "../health/health.views.tsx";
import { type CatalogueProvenance, SYNC_COMMAND } from "./catalogue-provenance.ts";
import { describeAge, type getPackage } from "./get-package.ts";
import { type listPackages, type PackageQuery, RECENCY } from "./list-packages.ts";
import { declaredDjango, declaredPython, latestReleaseText } from "./packages.presenters.ts";

type ListResult = Awaited<ReturnType<typeof listPackages>>;
type PackageView = Awaited<ReturnType<typeof getPackage>>;

const PYTHON_CHOICES = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

/** Query string of the list with some parameters replaced (page links, exports). */
export function listHref(
  base: string,
  q: PackageQuery,
  change: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  const all: Record<string, string | number | undefined> = {
    q: q.q,
    django: q.django,
    support: q.django && q.support === "judged" ? "judged" : undefined,
    python: q.python,
    released: q.released,
    health: q.health,
    label: q.label,
    wanted: q.wanted,
    sort: q.sort === "rank" ? undefined : q.sort,
    page: q.page === 1 ? undefined : q.page,
    per_page: q.per_page === 50 ? undefined : q.per_page,
    ...change,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

function day(d: Date | null): string {
  return d ? d.toISOString().slice(0, 10) : "unknown";
}

/** What the catalogue is made of, where it comes from, and how to fill in what a snapshot lacks. */
export function CatalogueSources(props: { catalogue: CatalogueProvenance }) {
  const c = props.catalogue;
  return (
    <>
      <p>
        {c.packages.toLocaleString("en")} Django-related projects on PyPI
        {c.snapshot && (
          <>
            {" "}
            (<SourceOf provenance={c.snapshot} />)
          </>
        )}
        .{" "}
        {c.lastSync ? (
          <>
            Last synced: <SourceOf provenance={c.lastSync} />; {c.synced.toLocaleString("en")} of{" "}
            {c.packages.toLocaleString("en")} projects synced.
          </>
        ) : (
          "Not synced from an index yet."
        )}
      </p>
      {c.notSynced > 0 && (
        <p role="note">
          {c.notSynced === c.packages ? "No project" : `${c.notSynced.toLocaleString("en")} projects`}{" "}
          {c.notSynced === c.packages ? "has been" : "have not been"} synced from an index: for{" "}
          {c.notSynced === c.packages ? "every project" : "them"} the snapshot gives the name, the latest
          version, the month of the latest release and the download rank, but not the classifiers,
          requirements or Requires-Python, so their Django and Python support is{" "}
          <strong>not known yet</strong> (which is not the same as declaring none). To get verdicts, run a
          sync: <code>{SYNC_COMMAND}</code>.
        </p>
      )}
    </>
  );
}

/** A declared-versions cell: the versions, "none" for a synced release declaring none, "not synced" otherwise. */
function DeclaredCell(props: { synced: boolean; versions: string[] }) {
  if (!props.synced) return <td class="muted">not synced</td>;
  return <td>{props.versions.length ? props.versions.join(", ") : <span class="muted">none</span>}</td>;
}

/** The `/packages` page. */
export function PackageListPage(props: {
  query: PackageQuery;
  result: ListResult;
  djangoChoices: string[];
  catalogue: CatalogueProvenance;
  /** Series that have a readiness page. */
  readinessSeries: string[];
}) {
  const { query: q, result: r } = props;
  const from = r.total === 0 ? 0 : (r.page - 1) * r.perPage + 1;
  const to = Math.min(r.total, r.page * r.perPage);
  return (
    <Layout title="Packages" path="/packages">
      <h1>Packages</h1>
      <CatalogueSources catalogue={props.catalogue} />
      <Form
        method="get"
        action="/packages"
        class="inline"
        label="Filter packages"
        submit="Show packages"
        fields={[
          { name: "q", label: "Name contains", kind: "search", value: q.q ?? "", attrs: { maxlength: 100 } },
          {
            name: "django",
            label: "Supports Django",
            kind: "select",
            value: q.django ?? "",
            options: [
              { value: "", label: "any" },
              ...props.djangoChoices.map((s) => ({ value: s, label: s })),
            ],
          },
          {
            name: "support",
            label: "Support means",
            kind: "select",
            value: q.support,
            options: [
              { value: "declared", label: "a classifier declares it" },
              { value: "judged", label: "judged from all metadata" },
            ],
          },
          {
            name: "python",
            label: "Declares Python",
            kind: "select",
            value: q.python ?? "",
            options: [{ value: "", label: "any" }, ...PYTHON_CHOICES.map((s) => ({ value: s, label: s }))],
          },
          {
            name: "released",
            label: "Last release",
            kind: "select",
            value: q.released ?? "",
            options: [
              { value: "", label: "any time" },
              ...Object.entries(RECENCY).map(([k, v]) => ({ value: k, label: v.label })),
            ],
          },
          {
            name: "health",
            label: "Health",
            kind: "select",
            value: q.health ?? "",
            options: [{ value: "", label: "any" }, ...HEALTH_BUCKETS.map((b) => ({ value: b, label: b }))],
          },
          {
            name: "label",
            label: "Label",
            kind: "select",
            value: q.label ?? "",
            options: [{ value: "", label: "any" }, ...HEALTH_LABELS.map((l) => ({ value: l, label: l }))],
          },
          {
            name: "wanted",
            label: "Maintainers",
            kind: "select",
            value: q.wanted ?? "",
            options: [
              { value: "", label: "any" },
              { value: "1", label: "maintainers wanted" },
            ],
          },
          {
            name: "sort",
            label: "Order by",
            kind: "select",
            value: q.sort,
            options: [
              { value: "rank", label: "download rank" },
              { value: "recent", label: "latest release" },
              { value: "name", label: "name" },
              { value: "health", label: "health (best first)" },
            ],
          },
        ]}
      />
      <p class="muted">
        "A classifier declares it" matches the versions a project declares in its trove classifiers (a
        major-only Django classifier such as "Framework :: Django :: 5" counts for every 5.x series). "Judged
        from all metadata" keeps the projects whose compatibility verdict is yes, weighing classifiers, Django
        requirement bounds and Requires-Python together, as the package pages and readiness do (series 4.2
        on). The Python filter matches declared classifiers. Health is the explained total of six sub-scores (
        <a href="/health/rules">how it is scored</a>); a package never synced from an index has no total.
      </p>
      {q.django && props.readinessSeries.includes(q.django) && (
        <p>
          For verdicts that weigh classifiers, Django requirement bounds and Requires-Python together, see{" "}
          <a href={`/readiness/${q.django}`}>readiness for Django {q.django}</a>.
        </p>
      )}
      <p role="status">
        {r.total === 0
          ? "No packages match."
          : `Showing ${from}–${to} of ${r.total.toLocaleString("en")} packages.`}{" "}
        {(q.django || q.python) && props.catalogue.notSynced > 0 && (
          <>
            The Django and Python filters only see synced projects:{" "}
            {props.catalogue.notSynced.toLocaleString("en")} are not synced yet, and what they support is not
            known.{" "}
          </>
        )}
        Download these results as{" "}
        <a href={listHref("/packages.csv", q, { page: undefined, per_page: undefined })}>CSV</a> or{" "}
        <a href={listHref("/api/packages", q, {})}>JSON</a>.
      </p>
      {r.rows.length > 0 && (
        <Table caption={`Packages, page ${r.page} of ${r.pages}`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Latest version</th>
              <th scope="col">Latest release</th>
              <th scope="col">Download rank</th>
              <th scope="col">Declared Django</th>
              <th scope="col">Declared Python</th>
              <th scope="col">Health</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((p) => {
              const synced = p.source === "index";
              return (
                <tr>
                  <th scope="row">
                    <a href={`/packages/${p.name}`}>{p.displayName}</a>
                    {p.delistedAt && <span class="muted"> (no longer on the index)</span>}
                  </th>
                  <td>
                    {p.latestVersion}
                    {synced && p.yanked ? " (yanked)" : ""}
                  </td>
                  <td>{latestReleaseText(p) ?? "unknown"}</td>
                  <td>{p.downloadRank ?? <span class="muted">not ranked</span>}</td>
                  <DeclaredCell synced={synced} versions={declaredDjango(p.classifiers)} />
                  <DeclaredCell synced={synced} versions={declaredPython(p.classifiers)} />
                  <td>
                    <HealthCell health={r.health.get(p.name)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {r.pages > 1 && (
        <nav aria-label="Pages of results">
          <ul class="flags">
            {r.page > 1 && (
              <li>
                <a href={listHref("/packages", q, { page: r.page - 1 })} rel="prev">
                  Previous page
                </a>
              </li>
            )}
            <li aria-current="page">
              Page {r.page} of {r.pages}
            </li>
            {r.page < r.pages && (
              <li>
                <a href={listHref("/packages", q, { page: r.page + 1 })} rel="next">
                  Next page
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}

const VERDICT_LABEL: Record<Verdict, string> = {
  yes: "supported",
  no: "not supported",
  maybe: "maybe",
  unknown: "declares nothing",
  "not-synced": "not synced yet",
};
const VERDICT_CLASS: Record<Verdict, string> = {
  yes: "ok",
  no: "bad",
  maybe: "warn",
  unknown: "warn",
  "not-synced": "warn",
};

/** The `/packages/<name>` page; `sections` (health, report routing) follow the support matrix. */
export function PackagePage(props: {
  view: PackageView;
  chart: string | null;
  sections?: Child;
  badge?: Child;
}) {
  const { pkg, releases, matrix, ageDays } = props.view;
  const synced = pkg.source === "index";
  const dj = declaredDjango(pkg.classifiers);
  const py = declaredPython(pkg.classifiers);
  const djangoReqs = pkg.requiresDist.filter((d) => /^django\b(?![-_.\w])/i.test(d.trim()));
  const recent = [...releases].reverse();
  const origin = props.view.provenance;
  const released = latestReleaseText(pkg);
  return (
    <Layout title={pkg.displayName} path="/packages">
      <p>
        <a href="/packages">All packages</a>
      </p>
      <h1>{pkg.displayName}</h1>
      {props.badge}
      {pkg.delistedAt && (
        <p role="note">
          <strong class="flag bad">No longer on the index</strong> The index no longer lists this project
          (noticed by the sync on {day(pkg.delistedAt)}): it was deleted or renamed, and new installs of it
          will fail. What follows is what the index said before.
        </p>
      )}
      {!synced && (
        <p role="note">
          <strong class="flag warn">Not synced yet</strong> Guildhall knows this project only from a
          download-rank snapshot: its name, latest version, the month of its latest release and its rank. Its
          classifiers, requirements and Requires-Python have not been fetched, so whether it supports a Django
          or Python version is <strong>not known</strong> (it may well declare it). To get verdicts, run a
          sync: <code>{SYNC_COMMAND}</code>.
        </p>
      )}
      {pkg.summary && <p>{pkg.summary}</p>}
      <dl class="facts">
        <dt>Latest version</dt>
        <dd>
          {pkg.latestVersion}
          {synced && pkg.yanked ? " (yanked)" : ""}
        </dd>
        <dt>Latest release</dt>
        <dd>
          {released
            ? `${released}${synced ? "" : " (month only, from the snapshot)"}${ageDays !== null ? ` (${describeAge(ageDays)} ago)` : ""}`
            : "unknown"}
        </dd>
        <dt>Download rank</dt>
        <dd>
          {pkg.downloadRank
            ? `${pkg.downloadRank} of PyPI's 15,000 most downloaded`
            : "not among the 15,000 most downloaded"}
          {origin?.rank && (
            <span class="muted">
              {" "}
              (<SourceOf provenance={origin.rank} />)
            </span>
          )}
        </dd>
        <dt>Requires Python</dt>
        <dd>{synced ? (pkg.requiresPython ?? "not declared") : "not known (not synced yet)"}</dd>
        <dt>Data</dt>
        <dd>
          {origin?.facts ? <SourceOf provenance={origin.facts} /> : "source not recorded"}
          {pkg.lastError ? `; last problem: ${pkg.lastError}` : ""}
        </dd>
        {synced && pkg.ownership.roles.length > 0 && (
          <>
            <dt>Owners</dt>
            <dd>
              {pkg.ownership.roles.map((r) => `${r.user} (${r.role})`).join(", ")}
              {pkg.ownership.organization ? `; organisation ${pkg.ownership.organization}` : ""}
            </dd>
          </>
        )}
      </dl>

      <h2>Links</h2>
      <ul>
        <li>
          <a href={`https://pypi.org/project/${pkg.name}/`}>{pkg.displayName} on PyPI</a>
        </li>
        {Object.entries(pkg.projectUrls).map(([label, url]) =>
          /^https?:\/\//.test(url) ? (
            <li>
              <a href={url}>{label}</a>
            </li>
          ) : null,
        )}
      </ul>

      <h2 id="support">Declared Django support</h2>
      {synced ? (
        <>
          <Table
            caption={`Verdict of version ${pkg.latestVersion} per Django series`}
            describedBy="support-note"
            rows={matrix}
            columns={[
              {
                header: "Django series",
                cell: ({ series }) => (
                  <>
                    {series.series}
                    {series.lts ? " LTS" : ""}
                  </>
                ),
                rowHeader: true,
              },
              {
                header: "Verdict",
                cell: ({ verdict }) => (
                  <span class={`flag ${VERDICT_CLASS[verdict.verdict]}`}>
                    {VERDICT_LABEL[verdict.verdict]}
                  </span>
                ),
              },
              { header: "Decided by", cell: ({ verdict }) => verdict.decidedBy ?? "nothing declared" },
              {
                header: "Why",
                cell: ({ verdict }) => (
                  <>
                    {verdict.reason}
                    {verdict.conflicts.length > 0 && (
                      <span class="muted"> Conflict: {verdict.conflicts.join("; ")}.</span>
                    )}
                  </>
                ),
              },
            ]}
          />
          <p id="support-note" class="muted">
            Series shown: those supported today and the next one. Declared Django classifiers:{" "}
            {dj.length ? dj.join(", ") : "none"}. Django requirements:{" "}
            {djangoReqs.length ? djangoReqs.join("; ") : "none"}. Declared Python classifiers:{" "}
            {py.length ? py.join(", ") : "none"}.
          </p>
          <SourceNote
            sources={[props.view.supportProvenance, ...(origin?.facts ? [origin.facts] : [])]}
            label="Verdicts"
          />
          {matrix.length === 0 && <p>No Django series is supported on this date.</p>}
        </>
      ) : (
        <p>
          Not known yet: no verdict for {matrix.map((m) => m.series.series).join(", ")} until a sync fetches
          this project's metadata (<code>{SYNC_COMMAND}</code>).
        </p>
      )}
      {props.sections}
      <p>
        <a href={`/packages/${pkg.name}/checkup`}>Checkup of this package's metadata</a>
      </p>

      <h2 id="history">Release history</h2>
      {props.chart ? (
        <figure class="chart">
          {trustedSvg(props.chart)}
          <figcaption>Releases per year; every release is listed in the table below.</figcaption>
        </figure>
      ) : (
        <p>
          No release dates are known yet
          {synced ? "" : " (this project has not been synced from an index)"}.
        </p>
      )}
      {recent.length > 0 && (
        <Table
          caption={`${releases.length} release${releases.length === 1 ? "" : "s"}, newest first`}
          rows={recent}
          columns={[
            { header: "Version", cell: (r) => r.version, rowHeader: true },
            { header: "Uploaded", cell: (r) => day(r.uploadedAt) },
            { header: "Requires Python", cell: (r) => r.requiresPython ?? "not declared" },
            { header: "Yanked", cell: (r) => (r.yanked ? "yes" : "no") },
          ]}
        />
      )}
    </Layout>
  );
}
