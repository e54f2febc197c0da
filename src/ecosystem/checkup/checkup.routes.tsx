/** Checkup routes: about, rule documentation, and a synced package's metadata checkup (page and JSON). */
import { AppError } from "../../platform/errors.ts";
import { createRouter, type Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import { checkPackage } from "./check-package.ts";
import { CheckupAboutPage, CheckupRulePage, CheckupRulesPage, PackageCheckupPage } from "./checkup.views.tsx";
import { reportJson } from "./format.ts";
import { CHECKUP_RULES, findRule } from "./rules.ts";

/** `/checkup`, `/checkup/rules`, `/checkup/rules/<id>`, `/api/checkup/rules`, `/packages/<name>/checkup`, `/api/packages/<name>/checkup`. */
export function createCheckupRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;
  router.get("/checkup", async (c) => c.html(await renderPage(<CheckupAboutPage />)));
  router.get("/checkup/rules", async (c) => c.html(await renderPage(<CheckupRulesPage />)));
  router.get("/api/checkup/rules", (c) => c.json({ rules: CHECKUP_RULES }));
  router.get("/checkup/rules/:id", async (c) => {
    const rule = findRule(c.req.param("id"));
    if (!rule) throw new AppError("not_found", { message: `No checkup rule "${c.req.param("id")}".` });
    return c.html(await renderPage(<CheckupRulePage rule={rule} />));
  });
  router.get("/packages/:name/checkup", async (c) => {
    const report = await checkPackage({ db, clock: services.clock, name: c.req.param("name") });
    return c.html(
      await renderPage(<PackageCheckupPage report={report} name={normalizeName(c.req.param("name"))} />),
    );
  });
  router.get("/api/packages/:name/checkup", async (c) => {
    const report = await checkPackage({ db, clock: services.clock, name: c.req.param("name") });
    return c.json({ ...reportJson(report), synced: report.synced, syncedAt: report.syncedAt });
  });
  return router;
}
