/** HTTP routes of the package catalogue: pages, CSV and JSON exports. Thin: parse, call, render. */
import { z } from "zod";
import { createRoomRouter } from "../../governance/index.ts";
import { toCsv } from "../../platform/csv.ts";
import type { Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Slug } from "../../platform/validation.ts";
import { PackageDetailSchema, PackageListSchema } from "../api-schemas.ts";
import { getPackage } from "./get-package.ts";
import { listPackages, PackageQuerySchema } from "./list-packages.ts";
import { normalizeName } from "./normalize-name.ts";
import { countAllPackages, lastFinishedSync } from "./packages.repo.ts";
import { PackageListPage, PackagePage } from "./packages.views.tsx";
import { renderReleaseChart } from "./release-chart.ts";
import { djangoFilterChoices, readinessSeries } from "./support-matrix.ts";

type Row = Awaited<ReturnType<typeof listPackages>>["rows"][number];

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
  const router = createRoomRouter(services);
  const db = services.database.db;
  const clock = services.clock;
  const NameParams = z.object({
    name: Slug.describe("The project's name (PEP 503 normalised, or as it spells it)."),
  });

  router.get("/packages", {
    query: PackageQuerySchema,
    handler: async (c, { query }) => {
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
    },
  });

  router.get("/packages.csv", {
    query: PackageQuerySchema,
    handler: async (c, { query }) => {
      const result = await listPackages({ db, clock, query, all: true });
      const rows = result.rows.map((p) => {
        const r = exportRow(p);
        return {
          ...r,
          djangoClassifiers: r.djangoClassifiers.join(" "),
          pythonClassifiers: r.pythonClassifiers.join(" "),
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
      ];
      const body = toCsv({ columns, rows });
      return c.body(body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="packages.csv"',
      });
    },
  });

  router.get("/api/packages", {
    summary: "Catalogued Django packages, filtered and paginated as on /packages.",
    operationId: "listPackages",
    query: PackageQuerySchema,
    response: { description: "One page of packages.", schema: PackageListSchema, name: "PackageList" },
    handler: async (c, { query }) => {
      const result = await listPackages({ db, clock, query });
      return c.json({
        total: result.total,
        page: result.page,
        perPage: result.perPage,
        pages: result.pages,
        items: result.rows.map(exportRow),
      });
    },
  });

  router.get("/api/packages/:name", {
    summary:
      "One package: latest release, classifiers, requirements, releases and the support matrix of current Django series.",
    operationId: "getPackage",
    params: NameParams,
    response: { description: "The package.", schema: PackageDetailSchema, name: "PackageDetail" },
    errors: { 404: "No package has this name." },
    handler: async (c, { params }) => {
      const view = await getPackage({ db, clock, name: params.name });
      return c.json({
        ...exportRow(view.pkg),
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
    },
  });

  router.get("/packages/:name", {
    params: NameParams,
    handler: async (c, { params }) => {
      const raw = params.name;
      if (normalizeName(raw) !== raw)
        return c.redirect(`/packages/${encodeURIComponent(normalizeName(raw))}`, 301);
      const view = await getPackage({ db, clock, name: raw });
      const chart = await renderReleaseChart({
        name: view.pkg.displayName,
        dates: view.releases.map((r) => r.uploadedAt),
      });
      return c.html(await renderPage(<PackagePage view={view} chart={chart} />));
    },
  });

  return router.app;
}
