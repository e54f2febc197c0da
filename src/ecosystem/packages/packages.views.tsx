/** Server-rendered pages of the package catalogue: the list and one project. */
import type { Child } from "hono/jsx";
import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { HEALTH_BUCKETS, HEALTH_LABELS } from "../health/compute-health.ts";
import { HealthCell } from "../health/health.views.tsx";
import { describeAge, type getPackage } from "./get-package.ts";
import { type listPackages, type PackageQuery, RECENCY } from "./list-packages.ts";

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
    sort: q.sort === "rank" ? undefined : q.sort,
    page: q.page === 1 ? undefined : q.page,
    per_page: q.per_page === 50 ? undefined : q.per_page,
    ...change,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

function declared(classifiers: string[], prefix: string): string[] {
  return classifiers.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
}

function day(d: Date | null): string {
  return d ? d.toISOString().slice(0, 10) : "unknown";
}

/** The `/packages` page. */
export function PackageListPage(props: {
  query: PackageQuery;
  result: ListResult;
  djangoChoices: string[];
  catalogued: number;
  lastSync: Date | null;
  /** Series that have a readiness page. */
  readinessSeries: string[];
}) {
  const { query: q, result: r } = props;
  const from = r.total === 0 ? 0 : (r.page - 1) * r.perPage + 1;
  const to = Math.min(r.total, r.page * r.perPage);
  return (
    <Layout title="Packages" path="/packages">
      <h1>Packages</h1>
      <p>
        {props.catalogued.toLocaleString("en")} Django-related projects on PyPI.{" "}
        {props.lastSync
          ? `Last synced ${props.lastSync.toISOString().slice(0, 16).replace("T", " ")} UTC.`
          : "Not synced from an index yet (snapshot data)."}
      </p>
      <form method="get" action="/packages" class="inline" aria-label="Filter packages">
        <div>
          <label for="q">Name contains</label>
          <input id="q" name="q" type="search" value={q.q ?? ""} />
        </div>
        <div>
          <label for="django">Supports Django</label>
          <select id="django" name="django">
            <option value="">any</option>
            {props.djangoChoices.map((s) => (
              <option value={s} selected={q.django === s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="support">Support means</label>
          <select id="support" name="support">
            <option value="declared" selected={q.support === "declared"}>
              a classifier declares it
            </option>
            <option value="judged" selected={q.support === "judged"}>
              judged from all metadata
            </option>
          </select>
        </div>
        <div>
          <label for="python">Declares Python</label>
          <select id="python" name="python">
            <option value="">any</option>
            {PYTHON_CHOICES.map((s) => (
              <option value={s} selected={q.python === s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="released">Last release</label>
          <select id="released" name="released">
            <option value="">any time</option>
            {Object.entries(RECENCY).map(([k, v]) => (
              <option value={k} selected={q.released === k}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="health">Health</label>
          <select id="health" name="health">
            <option value="">any</option>
            {HEALTH_BUCKETS.map((b) => (
              <option value={b} selected={q.health === b}>
                {b}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="label">Label</label>
          <select id="label" name="label">
            <option value="">any</option>
            {HEALTH_LABELS.map((l) => (
              <option value={l} selected={q.label === l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="sort">Order by</label>
          <select id="sort" name="sort">
            <option value="rank" selected={q.sort === "rank"}>
              download rank
            </option>
            <option value="recent" selected={q.sort === "recent"}>
              latest release
            </option>
            <option value="name" selected={q.sort === "name"}>
              name
            </option>
            <option value="health" selected={q.sort === "health"}>
              health (best first)
            </option>
          </select>
        </div>
        <div>
          <button type="submit">Show packages</button>
        </div>
      </form>
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
        Download these results as{" "}
        <a href={listHref("/packages.csv", q, { page: undefined, per_page: undefined })}>CSV</a> or{" "}
        <a href={listHref("/api/packages", q, {})}>JSON</a>.
      </p>
      {r.rows.length > 0 && (
        <table>
          <caption>
            Packages, page {r.page} of {r.pages}
          </caption>
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
              const dj = declared(p.classifiers, "Framework :: Django :: ");
              const py = declared(p.classifiers, "Programming Language :: Python :: ").filter((v) =>
                /^3\.\d+$/.test(v),
              );
              return (
                <tr>
                  <th scope="row">
                    <a href={`/packages/${p.name}`}>{p.displayName}</a>
                    {p.delistedAt && <span class="muted"> (no longer on the index)</span>}
                  </th>
                  <td>
                    {p.latestVersion}
                    {p.yanked ? " (yanked)" : ""}
                  </td>
                  <td>
                    {p.source === "snapshot" ? day(p.latestReleaseAt).slice(0, 7) : day(p.latestReleaseAt)}
                  </td>
                  <td>{p.downloadRank ?? <span class="muted">not ranked</span>}</td>
                  <td>{dj.length ? dj.join(", ") : <span class="muted">none</span>}</td>
                  <td>{py.length ? py.join(", ") : <span class="muted">none</span>}</td>
                  <td>
                    <HealthCell health={r.health.get(p.name)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
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

const VERDICT_LABEL = { yes: "supported", no: "not supported", maybe: "maybe", unknown: "unknown" } as const;
const VERDICT_CLASS = { yes: "ok", no: "bad", maybe: "warn", unknown: "warn" } as const;

/** The `/packages/<name>` page; `sections` (health, report routing) follow the support matrix. */
export function PackagePage(props: { view: PackageView; chart: string | null; sections?: Child }) {
  const { pkg, releases, matrix, ageDays } = props.view;
  const dj = declared(pkg.classifiers, "Framework :: Django :: ");
  const py = declared(pkg.classifiers, "Programming Language :: Python :: ").filter((v) =>
    /^3\.\d+$/.test(v),
  );
  const djangoReqs = pkg.requiresDist.filter((d) => /^django\b(?![-_.\w])/i.test(d.trim()));
  const recent = [...releases].reverse();
  return (
    <Layout title={pkg.displayName} path="/packages">
      <p>
        <a href="/packages">All packages</a>
      </p>
      <h1>{pkg.displayName}</h1>
      {pkg.delistedAt && (
        <p role="note">
          <strong class="flag bad">No longer on the index</strong> The index no longer lists this project
          (noticed by the sync on {day(pkg.delistedAt)}): it was deleted or renamed, and new installs of it
          will fail. What follows is what the index said before.
        </p>
      )}
      {pkg.summary && <p>{pkg.summary}</p>}
      <dl class="facts">
        <dt>Latest version</dt>
        <dd>
          {pkg.latestVersion}
          {pkg.yanked ? " (yanked)" : ""}
        </dd>
        <dt>Latest release</dt>
        <dd>
          {pkg.latestReleaseAt
            ? `${pkg.source === "snapshot" ? day(pkg.latestReleaseAt).slice(0, 7) : day(pkg.latestReleaseAt)}${ageDays !== null ? ` (${describeAge(ageDays)} ago)` : ""}`
            : "unknown"}
        </dd>
        <dt>Download rank</dt>
        <dd>
          {pkg.downloadRank
            ? `${pkg.downloadRank} of PyPI's 15,000 most downloaded`
            : "not among the 15,000 most downloaded"}
        </dd>
        <dt>Requires Python</dt>
        <dd>{pkg.requiresPython ?? "not declared"}</dd>
        <dt>Data</dt>
        <dd>
          {pkg.source === "index" ? "synced from the index" : "from a catalogue snapshot"} on{" "}
          {day(pkg.syncedAt)}
          {pkg.lastError ? `; last problem: ${pkg.lastError}` : ""}
        </dd>
        {pkg.ownership.roles.length > 0 && (
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
      <table aria-describedby="support-note">
        <caption>Verdict of version {pkg.latestVersion} per Django series</caption>
        <thead>
          <tr>
            <th scope="col">Django series</th>
            <th scope="col">Verdict</th>
            <th scope="col">Decided by</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {props.view.matrix.map(({ series, verdict }) => (
            <tr>
              <th scope="row">
                {series.series}
                {series.lts ? " LTS" : ""}
              </th>
              <td>
                <span class={`flag ${VERDICT_CLASS[verdict.verdict]}`}>{VERDICT_LABEL[verdict.verdict]}</span>
              </td>
              <td>{verdict.decidedBy ?? "nothing declared"}</td>
              <td>
                {verdict.reason}
                {verdict.conflicts.length > 0 && (
                  <span class="muted"> Conflict: {verdict.conflicts.join("; ")}.</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id="support-note" class="muted">
        Series shown: those supported today and the next one. Declared Django classifiers:{" "}
        {dj.length ? dj.join(", ") : "none"}. Django requirements:{" "}
        {djangoReqs.length ? djangoReqs.join("; ") : "none"}. Declared Python classifiers:{" "}
        {py.length ? py.join(", ") : "none"}.
      </p>
      {matrix.length === 0 && <p>No Django series is supported on this date.</p>}
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
          {pkg.source === "snapshot" ? " (this project has not been synced from an index)" : ""}.
        </p>
      )}
      {recent.length > 0 && (
        <table>
          <caption>
            {releases.length} release{releases.length === 1 ? "" : "s"}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Uploaded</th>
              <th scope="col">Requires Python</th>
              <th scope="col">Yanked</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((r) => (
              <tr>
                <th scope="row">{r.version}</th>
                <td>{day(r.uploadedAt)}</td>
                <td>{r.requiresPython ?? "not declared"}</td>
                <td>{r.yanked ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
