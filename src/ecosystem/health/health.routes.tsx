/** Health routes: rule documentation and the list of packages without a vulnerability-report route. */

import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import type { Router } from "../../platform/http/app.tsx";
import { Layout, renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Slug } from "../../platform/validation.ts";
import { Table } from "../../platform/view/table.tsx";
import { HealthRulesSchema, UnreachablePackagesSchema } from "../api-schemas.ts";
import { createEcosystemRoomRouter } from "../ecosystem.router.ts";
import { HealthRulePage, HealthRulesPage } from "./health.views.tsx";
import { findHealthRule, HEALTH_RULES, SUB_SCORES } from "./health-rules.ts";
import { listUnreachablePackages } from "./list-unreachable.ts";
import { WORKING_GROUP_PATH } from "./report-route.ts";

/** `/health/rules`, `/health/rules/<id>`, `/api/health/rules`, `/health/no-security-contact`, `/api/health/no-security-contact`. */
export function createHealthRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;
  const RuleParams = z.object({
    id: Slug.describe("The health rule's id, e.g. maintenance.current-django."),
  });

  router.get("/health/rules", { handler: async (c) => c.html(await renderPage(<HealthRulesPage />)) });
  router.get("/api/health/rules", {
    summary:
      "The health sub-scores with their weights, and every health rule with its scoring and documentation.",
    operationId: "listHealthRules",
    response: { description: "The health rules.", schema: HealthRulesSchema, name: "HealthRules" },
    handler: (c) => c.json({ subScores: SUB_SCORES, rules: HEALTH_RULES }),
  });
  router.get("/health/rules/:id", {
    params: RuleParams,
    handler: async (c, { params }) => {
      const rule = findHealthRule(params.id);
      if (!rule) throw new AppError("not_found", { message: `No health rule "${params.id}".` });
      return c.html(await renderPage(<HealthRulePage rule={rule} />));
    },
  });
  router.get("/api/health/no-security-contact", {
    summary:
      "Synced packages publishing no security policy, Security link or maintainer address, most used first: reports go to the Package Maintainers Working Group.",
    operationId: "listUnreachablePackages",
    response: {
      description: "The packages without a security contact.",
      schema: UnreachablePackagesSchema,
      name: "UnreachablePackages",
    },
    handler: async (c) => c.json(await listUnreachablePackages({ db, clock: services.clock })),
  });
  router.get("/health/no-security-contact", {
    handler: async (c) => {
      const r = await listUnreachablePackages({ db, clock: services.clock });
      const shown = r.packages.slice(0, 500);
      return c.html(
        await renderPage(
          <Layout title="Packages without a security contact" path="/packages">
            <h1>Packages without a security contact</h1>
            <p>
              {r.total.toLocaleString("en")} of the {r.synced.toLocaleString("en")} synced packages publish no
              security policy, no "Security" project URL and no maintainer address, so a vulnerability report
              has nowhere private to go; the{" "}
              <a href={WORKING_GROUP_PATH}>Package Maintainers Working Group</a> takes such reports and
              reaches the owners. Packages never synced are not listed (their contacts are unknown). As of{" "}
              {r.asOf.slice(0, 16).replace("T", " ")} UTC; also as{" "}
              <a href="/api/health/no-security-contact">JSON</a>.
            </p>
            {shown.length > 0 && (
              <Table
                caption={`Most used first${r.total > shown.length ? ` (the first ${shown.length})` : ""}`}
              >
                <thead>
                  <tr>
                    <th scope="col">Package</th>
                    <th scope="col">Download rank</th>
                    <th scope="col">PyPI owners</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => (
                    <tr>
                      <th scope="row">
                        <a href={`/packages/${p.name}#report-vulnerability`}>{p.name}</a>
                      </th>
                      <td>{p.downloadRank ?? "not ranked"}</td>
                      <td>{p.owners.join(", ") || "unknown"}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Layout>,
        ),
      );
    },
  });
  return router.app;
}
