/** HTTP routes of the package catalogue: pages, CSV and JSON exports. Thin: parse, call, render. */
import { z } from "zod";
import { toCsv } from "../../platform/csv.ts";
import type { Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Slug } from "../../platform/validation.ts";
import { PackageDetailSchema, PackageListSchema } from "../api-schemas.ts";
import { createEcosystemRoomRouter } from "../ecosystem.router.ts";
import type { PackageHealth } from "../health/compute-health.ts";
import { getPackageHealth } from "../health/get-package-health.ts";
import { HealthBreakdown } from "../health/health.views.tsx";
import { getPackageCalls } from "../maintainers/maintainer-calls.ts";
import { namesWithOpenCalls } from "../maintainers/maintainers.repo.ts";
import { MaintainersWantedBadge, PackageMaintainersSection } from "../maintainers/maintainers.views.tsx";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { getCatalogueProvenance } from "./get-catalogue-provenance.ts";
import { getPackage } from "./get-package.ts";
import { getProjectProvenance } from "./get-project-provenance.ts";
import { listPackages, PackageQuerySchema } from "./list-packages.ts";
import { normalizeName } from "./normalize-name.ts";
import { CSV_COLUMNS, packageCsvRecord, packageJson } from "./packages.presenters.ts";
import { PackageListPage, PackagePage } from "./packages.views.tsx";
import { renderReleaseChart } from "./release-chart.ts";
import { djangoFilterChoices, readinessSeries } from "./support-matrix.ts";

/** The health columns of the CSV export, after the catalogue's own. */
const HEALTH_CSV_COLUMNS = [
  "healthTotal",
  "healthBucket",
  "healthLabels",
  "healthMaintenance",
  "healthCompatibility",
  "healthMetadata",
  "healthPopularity",
  "healthCommunity",
  "healthRepository",
] as const;

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

/** Routes: `/packages`, `/packages.csv`, `/api/packages`, `/packages/<name>`, `/api/packages/<name>`. */
export function createPackagesRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;
  const clock = services.clock;
  const NameParams = z.object({
    name: Slug.describe("The project's name (PEP 503 normalised, or as it spells it)."),
  });

  router.get("/packages", {
    query: PackageQuerySchema,
    handler: async (c, { query }) => {
      const [result, catalogue, calendar] = await Promise.all([
        listPackages({ db, clock, query }),
        getCatalogueProvenance({ db }),
        loadReleaseCalendar({ db, now: clock.now() }),
      ]);
      const today = clock.now().toISOString().slice(0, 10);
      return c.html(
        await renderPage(
          <PackageListPage
            query={query}
            result={result}
            djangoChoices={djangoFilterChoices(today, calendar)}
            catalogue={catalogue}
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
      const prov = await getProjectProvenance({ db, rows: result.rows });
      const wanted = await namesWithOpenCalls(
        db,
        result.rows.map((p) => p.name),
      );
      const body = toCsv({
        columns: [...CSV_COLUMNS, ...HEALTH_CSV_COLUMNS, "maintainersWanted"],
        rows: result.rows.map((p) => {
          const h = healthColumns(result.health.get(p.name));
          return {
            ...packageCsvRecord(p, prov.get(p.name)),
            ...h,
            healthLabels: h.healthLabels.join(" "),
            maintainersWanted: String(wanted.has(p.name)),
          };
        }),
      });
      return c.body(body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="packages.csv"',
      });
    },
  });

  router.get("/api/packages", {
    summary:
      "Catalogued Django packages, filtered and paginated as on /packages, with where the data came from.",
    operationId: "listPackages",
    query: PackageQuerySchema,
    response: { description: "One page of packages.", schema: PackageListSchema, name: "PackageList" },
    handler: async (c, { query }) => {
      const [result, catalogue] = await Promise.all([
        listPackages({ db, clock, query }),
        getCatalogueProvenance({ db }),
      ]);
      const prov = await getProjectProvenance({ db, rows: result.rows });
      const wanted = await namesWithOpenCalls(
        db,
        result.rows.map((p) => p.name),
      );
      return c.json({
        total: result.total,
        page: result.page,
        perPage: result.perPage,
        pages: result.pages,
        catalogue,
        items: result.rows.map((p) => ({
          ...packageJson(p, prov.get(p.name)),
          ...healthColumns(result.health.get(p.name)),
          maintainersWanted: wanted.has(p.name),
        })),
      });
    },
  });

  router.get("/api/packages/:name", {
    summary:
      "One package: latest release, classifiers, requirements, releases and the support matrix of current Django series (facts a sync has not fetched are null).",
    operationId: "getPackage",
    params: NameParams,
    response: { description: "The package.", schema: PackageDetailSchema, name: "PackageDetail" },
    errors: { 404: "No package has this name." },
    handler: async (c, { params }) => {
      const [view, health] = await Promise.all([
        getPackage({ db, clock, name: params.name }),
        getPackageHealth({ db, clock, name: params.name }),
      ]);
      const synced = view.pkg.source === "index";
      return c.json({
        ...packageJson(view.pkg, view.provenance),
        health: health.health,
        reportVulnerability: health.route,
        classifiers: synced ? view.pkg.classifiers : null,
        requiresDist: synced ? view.pkg.requiresDist : null,
        projectUrls: synced ? view.pkg.projectUrls : null,
        ownership: synced ? view.pkg.ownership : null,
        lastSerial: view.pkg.lastSerial,
        lastError: view.pkg.lastError,
        /** Null until a sync has fetched the project's releases. */
        releases: synced
          ? view.releases.map((r) => ({
              version: r.version,
              uploadedAt: r.uploadedAt?.toISOString() ?? null,
              yanked: r.yanked,
              requiresPython: r.requiresPython,
            }))
          : null,
        support: view.matrix.map((m) => ({
          series: m.series.series,
          verdict: m.verdict.verdict,
          decidedBy: m.verdict.decidedBy,
          reason: m.verdict.reason,
        })),
        supportProvenance: view.supportProvenance,
      });
    },
  });

  router.get("/packages/:name", {
    params: NameParams,
    handler: async (c, { params }) => {
      const raw = params.name;
      if (normalizeName(raw) !== raw)
        return c.redirect(`/packages/${encodeURIComponent(normalizeName(raw))}`, 301);
      const [view, health] = await Promise.all([
        getPackage({ db, clock, name: raw }),
        getPackageHealth({ db, clock, name: raw }),
      ]);
      const calls = await getPackageCalls({ db, name: view.pkg.name });
      const chart = await renderReleaseChart({
        name: view.pkg.displayName,
        dates: view.releases.map((r) => r.uploadedAt),
      });
      return c.html(
        await renderPage(
          <PackagePage
            view={view}
            chart={chart}
            badge={calls.openCall ? <MaintainersWantedBadge name={view.pkg.name} /> : undefined}
            sections={
              <>
                <PackageMaintainersSection data={calls} />
                <HealthBreakdown health={health.health} route={health.route} />
              </>
            }
          />,
        ),
      );
    },
  });

  return router.app;
}
