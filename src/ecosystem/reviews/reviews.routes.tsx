/** Review routes: list, take (admins), one review with charts and exports, comparison. Thin. */
import type { Context } from "hono";
import { z } from "zod";
import type { Viewer } from "../../platform/auth/index.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { blankAsNull, Id, optionalText, wholeNumber } from "../../platform/validation.ts";
import { ReviewComparisonSchema, ReviewListSchema, ReviewSchema, ReviewTakenSchema } from "../api-schemas.ts";
import { auditActorOf, can, createEcosystemRoomRouter, requireViewer } from "../ecosystem.router.ts";
import { getComparison, getReview, listReviews, previousReviewId } from "./get-review.ts";
import { renderReviewCharts } from "./review-charts.ts";
import { comparisonMarkdown, reviewCsv, reviewMarkdown } from "./review-exports.ts";
import { ComparisonPage, ReviewPage, ReviewsPage } from "./reviews.views.tsx";
import { takeReview } from "./take-review.ts";

const MD = { "content-type": "text/markdown; charset=utf-8" };

/** What taking a review asks for: how many of the most used packages to look at, and a title. */
const TakeReviewBody = z.object({
  top: z
    .preprocess(blankAsNull, wholeNumber({ min: 1, max: 15_000 }).nullish())
    .transform((v) => v ?? undefined)
    .describe("How many of the most used packages to look at (1 to 15000; default 200)."),
  title: optionalText({ max: 200 }).describe("The review's title (default: Ecosystem review of <day>)."),
});

/** One review, by id. */
const ReviewParams = z.object({ id: Id.describe("The review's id.") });

/** Two reviews to compare, by id. */
const ComparisonParams = z.object({
  id: Id.describe("One review's id."),
  other: Id.describe("The other review's id; the older of the two is the one compared from."),
});

/** The page route's other review: an id, or an id with `.md` for the markdown export. */
const ComparisonPageParams = z.object({
  id: Id.describe("One review's id."),
  other: z
    .string()
    .regex(/^\d{1,10}(?:\.md)?$/, "must be a review id, with .md for the markdown export")
    .describe("The other review's id, with .md for the markdown export."),
});

/** `/reviews`, `/reviews/<id>` (+ `.csv`, `.md`), `/reviews/<id>/since/<other>` (+ `.md`) and the `/api/reviews` JSON. */
export function createReviewsRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;

  /** The list; site admins also get the form taking a review. */
  const listPage = async (c: Context<AppEnv>) => {
    const admin = await can(c, services, "admin.reviews");
    if (admin) c.header("cache-control", "private, no-store");
    return c.html(await renderPage(<ReviewsPage reviews={await listReviews({ db })} form={admin} />));
  };

  /** Takes and stores a review for the signed-in site admin `by`. */
  const take = (viewer: Viewer, body: { top?: number | undefined; title?: string | null | undefined }) =>
    takeReview({
      db,
      clock: services.clock,
      by: viewer.name,
      actor: auditActorOf(viewer),
      top: body.top,
      title: body.title ?? undefined,
    });

  router.get("/reviews", { handler: (c) => listPage(c) });

  // Site admins take a review; a refused one re-shows the list with the form and what was typed.
  router.post("/reviews", {
    form: TakeReviewBody,
    action: "admin.reviews",
    page: (c) => listPage(c),
    handler: async (c, { body }) => {
      const r = await take(requireViewer(c), body);
      return c.redirect(`/reviews/${r.id}`, 303);
    },
  });

  router.post("/api/reviews", {
    summary:
      "Take an ecosystem review of the catalogue now and store it (site admins, scope admin); it holds the figures of the most used packages.",
    operationId: "takeReview",
    json: TakeReviewBody,
    action: "admin.reviews",
    response: {
      status: 201,
      description: "The review taken.",
      schema: ReviewTakenSchema,
      name: "ReviewTaken",
    },
    handler: async (c, { body }) => {
      const r = await take(requireViewer(c), body);
      return c.json({ id: r.id, takenOn: r.takenOn, title: r.title, url: `/reviews/${r.id}` }, 201);
    },
  });

  router.get("/api/reviews", {
    summary: "Every stored ecosystem review, newest first, without its figures.",
    operationId: "listReviews",
    response: { description: "The reviews.", schema: ReviewListSchema, name: "ReviewList" },
    handler: async (c) => c.json({ reviews: await listReviews({ db }) }),
  });
  router.get("/api/reviews/:id", {
    summary: "One stored ecosystem review with its figures and suggested survey questions, as taken.",
    operationId: "getReview",
    params: ReviewParams,
    response: { description: "The review.", schema: ReviewSchema, name: "Review" },
    errors: { 404: "No review has this id." },
    handler: async (c, { params }) => c.json(await getReview({ db, id: String(params.id) })),
  });
  router.get("/api/reviews/:id/since/:other", {
    summary:
      "What changed between two reviews: figures with verdicts, packages that improved or regressed, and those newly or no longer at risk.",
    operationId: "compareReviews",
    params: ComparisonParams,
    response: { description: "The comparison.", schema: ReviewComparisonSchema, name: "ReviewComparison" },
    errors: { 404: "No review has one of these ids." },
    handler: async (c, { params }) => {
      const r = await getComparison({ db, id: String(params.id), other: String(params.other) });
      return c.json(r.comparison);
    },
  });

  router.get("/reviews/:file{[0-9]+\\.(?:csv|md)}", {
    params: z.object({
      file: z
        .string()
        .regex(/^\d{1,10}\.(?:csv|md)$/, "must be a review id with .csv or .md")
        .describe("The review's id with .csv or .md."),
    }),
    handler: async (c, { params }) => {
      const r = await getReview({ db, id: params.file.replace(/\.\w+$/, "") });
      if (params.file.endsWith(".md")) return c.body(reviewMarkdown(r), 200, MD);
      return c.body(reviewCsv(r), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="review-${r.takenOn}.csv"`,
      });
    },
  });
  router.get("/reviews/:id", {
    params: ReviewParams,
    handler: async (c, { params }) => {
      const r = await getReview({ db, id: String(params.id) });
      const [charts, previousId] = await Promise.all([
        renderReviewCharts(r.data),
        previousReviewId({ db, id: r.id }),
      ]);
      return c.html(await renderPage(<ReviewPage review={r} charts={charts} previousId={previousId} />));
    },
  });
  router.get("/reviews/:id/since/:other", {
    params: ComparisonPageParams,
    handler: async (c, { params }) => {
      const md = params.other.endsWith(".md");
      const r = await getComparison({ db, id: String(params.id), other: params.other.replace(/\.md$/, "") });
      if (md) return c.body(comparisonMarkdown(r.comparison), 200, MD);
      return c.html(
        await renderPage(
          <ComparisonPage comparison={r.comparison} after={r.after.id} before={r.before.id} />,
        ),
      );
    },
  });
  return router.app;
}
