/** Review routes: list, take (admins), one review with charts and exports, comparison. Thin. */
import { authorize, can, requireViewer } from "../../governance/index.ts";
import { AppError, isAppError } from "../../platform/errors.ts";
import { createRouter, type Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { getComparison, getReview, listReviews, previousReviewId } from "./get-review.ts";
import { renderReviewCharts } from "./review-charts.ts";
import { comparisonMarkdown, reviewCsv, reviewMarkdown } from "./review-exports.ts";
import { ComparisonPage, ReviewPage, ReviewsPage } from "./reviews.views.tsx";
import { takeReview } from "./take-review.ts";

const MD = { "content-type": "text/markdown; charset=utf-8" };

function topOf(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  const s = String(raw);
  if (!/^\d{1,6}$/.test(s))
    throw new AppError("validation", {
      message: "Invalid review: top: must be a whole number from 1 to 15000",
      issues: [{ field: "top", message: "must be a whole number" }],
    });
  return Number(s);
}

/** `/reviews`, `/reviews/<id>` (+ `.csv`, `.md`), `/reviews/<id>/since/<other>` (+ `.md`) and the `/api/reviews` JSON. */
export function createReviewsRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;

  const listPage = async (form: { csrf: string; error?: string } | undefined) =>
    renderPage(<ReviewsPage reviews={await listReviews({ db })} form={form} />);

  router.get("/reviews", async (c) => {
    const admin = await can(c, services, "admin.reviews");
    if (admin) c.header("cache-control", "private, no-store");
    return c.html(await listPage(admin ? { csrf: c.var.csrfToken } : undefined));
  });

  router.post("/reviews", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.reviews");
    const form = await c.req.parseBody();
    try {
      const r = await takeReview({
        db,
        clock: services.clock,
        by: viewer.name,
        top: topOf(form.top),
        title: String(form.title ?? ""),
      });
      return c.redirect(`/reviews/${r.id}`, 303);
    } catch (e) {
      if (!isAppError(e) || e.code !== "validation") throw e;
      return c.html(await listPage({ csrf: c.var.csrfToken, error: e.message }), 422);
    }
  });

  router.post("/api/reviews", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.reviews");
    const body: unknown = await c.req.json().catch(() => ({}));
    const input = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const r = await takeReview({
      db,
      clock: services.clock,
      by: viewer.name,
      top: topOf(input.top),
      title: typeof input.title === "string" ? input.title : undefined,
    });
    return c.json({ id: r.id, takenOn: r.takenOn, title: r.title, url: `/reviews/${r.id}` }, 201);
  });

  router.get("/api/reviews", async (c) => c.json({ reviews: await listReviews({ db }) }));
  router.get("/api/reviews/:id", async (c) => c.json(await getReview({ db, id: c.req.param("id") })));
  router.get("/api/reviews/:id/since/:other", async (c) => {
    const r = await getComparison({ db, id: c.req.param("id"), other: c.req.param("other") });
    return c.json(r.comparison);
  });

  router.get("/reviews/:file{[0-9]+\\.(?:csv|md)}", async (c) => {
    const file = c.req.param("file");
    const r = await getReview({ db, id: file.replace(/\.\w+$/, "") });
    if (file.endsWith(".md")) return c.body(reviewMarkdown(r), 200, MD);
    return c.body(reviewCsv(r), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="review-${r.takenOn}.csv"`,
    });
  });
  router.get("/reviews/:id", async (c) => {
    const r = await getReview({ db, id: c.req.param("id") });
    const [charts, previousId] = await Promise.all([
      renderReviewCharts(r.data),
      previousReviewId({ db, id: r.id }),
    ]);
    return c.html(await renderPage(<ReviewPage review={r} charts={charts} previousId={previousId} />));
  });
  router.get("/reviews/:id/since/:other", async (c) => {
    const other = c.req.param("other");
    const md = other.endsWith(".md");
    const r = await getComparison({ db, id: c.req.param("id"), other: other.replace(/\.md$/, "") });
    if (md) return c.body(comparisonMarkdown(r.comparison), 200, MD);
    return c.html(
      await renderPage(<ComparisonPage comparison={r.comparison} after={r.after.id} before={r.before.id} />),
    );
  });
  return router;
}
