/** HTTP routes of the package catalogue: pages, CSV and JSON exports. Thin: parse, call, render. */
import { stringify } from "csv-stringify/sync";
import { createRouter, type Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import type { PackageHealth } from "../health/compute-health.ts";
import { getPackageHealth } from "../health/get-package-health.ts";
import { HealthBreakdown } from "../health/health.views.tsx";
import { getPackage } from "./get-package.ts";
import { listPackages, parsePackageQuery } from "./list-packages.ts";
import { normalizeName } from "./normalize-name.ts";
import { countAllPackages, lastFinishedSync } from "./packages.repo.ts";
import { PackageListPage, PackagePage } from "./packages.views.tsx";
import { renderReleaseChart } from "./release-chart.ts";
import { djangoFilterChoices, readinessSeries } from "./support-matrix.ts";

type Row = Awaited<ReturnType<typeof listPackages>>["rows"][number];

/** The health columns of an export row: total, bucket, labels and each sub-score (never a total alone). */
function healthColumns(h: PackageHealth | undefined) {
  const sub = (id: string) => h?.subScores.find((s) => s.id === id)?.score ?? null;
  return {
    healthTotal: h?.total ?? null,
    healthBucket: h?.bucket ?? "unknown",
    healthLabels: h?.labels.map((l) => l.id) ?? [],
    healthMaintenance: sub("maintenance"),
    healthCompatibility: sub("compatibility"),
    healthMetadata: sub("metadata"),
    healthPopularity: sub("popularity"),
    healthCommunity: sub("community"),
    healthRepository: sub("repository"),
  };
}

function exportRow(p: Row) {
  return {
    name: p.name,
    displayName: p.displayName,
    latestVersion: p.latestVersion,
    latestReleaseAt: p.latestReleaseAt?.toISOString() ?? null,
    downloadRank: p.downloadRank,
    summary: p.summary,
    requiresPython: p.requiresPython,
    djangoClassifiers: p.classifiers
      .filter((c) => c.startsWith("Framework :: Django :: "))
      .map((c) => c.slice(23)),
    pythonClassifiers: p.classifiers
      .filter((c) => /^Programming Language :: Python :: 3\.\d+$/.test(c))
      .map((c) => c.slice(34)),
    yanked: p.yanked,
    source: p.source,
    syncedAt: p.syncedAt.toISOString(),
    /** When a sync found the index no longer lists the project (null while listed). */
    delistedAt: p.delistedAt?.toISOString() ?? null,
    url: `/packages/${p.name}`,
  };
}

/** Routes: `/packages`, `/packages.csv`, `/api/packages`, `/packages/<name>`, `/api/packages/<name>`. */
export function createPackagesRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;
  const clock = services.clock;

  router.get("/packages", async (c) => {
    const query = parsePackageQuery(c.req.query());
    const [result, catalogued, lastSync] = await Promise.all([
      listPackages({ db, clock, query }),
      countAllPackages(db),
      lastFinishedSync(db),
    ]);
    const today = clock.now().toISOString().slice(0, 10);
    return c.html(
      await renderPage(
        <PackageListPage
          query={query}
          result={result}
          djangoChoices={djangoFilterChoices(today)}
          catalogued={catalogued}
          lastSync={lastSync}
          readinessSeries={readinessSeries()}
        />,
      ),
    );
  });

  router.get("/packages.csv", async (c) => {
    const query = parsePackageQuery(c.req.query());
    const result = await listPackages({ db, clock, query, all: true });
    const rows = result.rows.map((p) => {
      const r = exportRow(p);
      const h = healthColumns(result.health.get(p.name));
      return {
        ...r,
        djangoClassifiers: r.djangoClassifiers.join(" "),
        pythonClassifiers: r.pythonClassifiers.join(" "),
        ...h,
        healthLabels: h.healthLabels.join(" "),
      };
    });
    const columns = [
      "name",
      "displayName",
      "latestVersion",
      "latestReleaseAt",
      "downloadRank",
      "requiresPython",
      "djangoClassifiers",
      "pythonClassifiers",
      "yanked",
      "source",
      "syncedAt",
      "delistedAt",
      "summary",
      "healthTotal",
      "healthBucket",
      "healthLabels",
      "healthMaintenance",
      "healthCompatibility",
      "healthMetadata",
      "healthPopularity",
      "healthCommunity",
      "healthRepository",
    ];
    const body = stringify(rows, { header: true, columns, cast: { boolean: (b) => (b ? "true" : "false") } });
    return c.body(body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="packages.csv"',
    });
  });

  router.get("/api/packages", async (c) => {
    const query = parsePackageQuery(c.req.query());
    const result = await listPackages({ db, clock, query });
    return c.json({
      total: result.total,
      page: result.page,
      perPage: result.perPage,
      pages: result.pages,
      items: result.rows.map((p) => ({ ...exportRow(p), ...healthColumns(result.health.get(p.name)) })),
    });
  });

  router.get("/api/packages/:name", async (c) => {
    const [view, health] = await Promise.all([
      getPackage({ db, clock, name: c.req.param("name") }),
      getPackageHealth({ db, clock, name: c.req.param("name") }),
    ]);
    return c.json({
      ...exportRow(view.pkg),
      health: health.health,
      reportVulnerability: health.route,
      classifiers: view.pkg.classifiers,
      requiresDist: view.pkg.requiresDist,
      projectUrls: view.pkg.projectUrls,
      ownership: view.pkg.ownership,
      lastSerial: view.pkg.lastSerial,
      lastError: view.pkg.lastError,
      releases: view.releases.map((r) => ({
        version: r.version,
        uploadedAt: r.uploadedAt?.toISOString() ?? null,
        yanked: r.yanked,
        requiresPython: r.requiresPython,
      })),
      support: view.matrix.map((m) => ({
        series: m.series.series,
        verdict: m.verdict.verdict,
        decidedBy: m.verdict.decidedBy,
        reason: m.verdict.reason,
      })),
    });
  });

  router.get("/packages/:name", async (c) => {
    const raw = c.req.param("name");
    if (normalizeName(raw) !== raw)
      return c.redirect(`/packages/${encodeURIComponent(normalizeName(raw))}`, 301);
    const [view, health] = await Promise.all([
      getPackage({ db, clock, name: raw }),
      getPackageHealth({ db, clock, name: raw }),
    ]);
    const chart = await renderReleaseChart({
      name: view.pkg.displayName,
      dates: view.releases.map((r) => r.uploadedAt),
    });
    return c.html(
      await renderPage(
        <PackagePage
          view={view}
          chart={chart}
          sections={<HealthBreakdown health={health.health} route={health.route} />}
        />,
      ),
    );
  });

  return router;
}
