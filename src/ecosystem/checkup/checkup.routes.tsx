/** Checkup routes: about, rule documentation, and a synced package's metadata checkup (page and JSON). */
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import type { Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Slug } from "../../platform/validation.ts";
import { CheckupRulesSchema, PackageCheckupSchema } from "../api-schemas.ts";
import { createEcosystemRoomRouter } from "../ecosystem.router.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import { checkPackage } from "./check-package.ts";
import { CheckupAboutPage, CheckupRulePage, CheckupRulesPage, PackageCheckupPage } from "./checkup.views.tsx";
import { reportJson } from "./format.ts";
import { CHECKUP_RULES, findRule } from "./rules.ts";

/** `/checkup`, `/checkup/rules`, `/checkup/rules/<id>`, `/api/checkup/rules`, `/packages/<name>/checkup`, `/api/packages/<name>/checkup`. */
export function createCheckupRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;
  const RuleParams = z.object({ id: Slug.describe("The checkup rule's id, e.g. django-naming.") });
  const NameParams = z.object({
    name: Slug.describe("The project's name (PEP 503 normalised, or as it spells it)."),
  });

  router.get("/checkup", { handler: async (c) => c.html(await renderPage(<CheckupAboutPage />)) });
  router.get("/checkup/rules", { handler: async (c) => c.html(await renderPage(<CheckupRulesPage />)) });
  router.get("/api/checkup/rules", {
    summary: "Every checkup rule: what passes, why it matters and how to fix a failure.",
    operationId: "listCheckupRules",
    response: { description: "The checkup rules.", schema: CheckupRulesSchema, name: "CheckupRules" },
    handler: (c) => c.json({ rules: CHECKUP_RULES }),
  });
  router.get("/checkup/rules/:id", {
    params: RuleParams,
    handler: async (c, { params }) => {
      const rule = findRule(params.id);
      if (!rule) throw new AppError("not_found", { message: `No checkup rule "${params.id}".` });
      return c.html(await renderPage(<CheckupRulePage rule={rule} />));
    },
  });
  router.get("/packages/:name/checkup", {
    params: NameParams,
    handler: async (c, { params }) => {
      const report = await checkPackage({ db, clock: services.clock, name: params.name });
      return c.html(
        await renderPage(<PackageCheckupPage report={report} name={normalizeName(params.name)} />),
      );
    },
  });
  router.get("/api/packages/:name/checkup", {
    summary:
      "The metadata checkup of a catalogued package's latest release (every rule skipped as unknown when it was never synced).",
    operationId: "getPackageCheckup",
    params: NameParams,
    response: { description: "The checkup report.", schema: PackageCheckupSchema, name: "PackageCheckup" },
    errors: { 404: "No package has this name." },
    handler: async (c, { params }) => {
      const report = await checkPackage({ db, clock: services.clock, name: params.name });
      return c.json({ ...reportJson(report), synced: report.synced, syncedAt: report.syncedAt });
    },
  });
  return router.app;
}
