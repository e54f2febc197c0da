/**
 * The marketing room's door: content items with charter-driven review (the delegation matrix read
 * from the Marketing WG's charter). Other rooms and the composition root import from here only.
 */
import { registerOpenItemSource } from "../kernel/index.ts";
import type { Router } from "../platform/http/app.tsx";
import type { Services } from "../platform/services.ts";
import { marketingReviewSource } from "./items/review-open-items.ts";
import { publishDueJob } from "./marketing.jobs.ts";
import { createMarketingRouter as createRoutes } from "./marketing.routes.tsx";

// Content in review is an open item of the Marketing WG (flagged when its owner leaves): registered
// when the room is loaded, by the server and the worker alike.
registerOpenItemSource(marketingReviewSource);

/** The marketing room's job definitions (run by the server and `guildhall worker`). */
export const marketingJobs = [publishDueJob];

/** HTTP routes of the marketing room. */
export function createMarketingRouter(services: Services): Router {
  return createRoutes(services);
}

// Operations and pure rules the tests, benchmarks and command line drive directly.
export { planItem } from "./campaigns/plan-item.ts";
export { createCampaign, editCampaign } from "./campaigns/save-campaign.ts";
export { CONTENT_KINDS, type ContentKind } from "./content-kinds.ts";
export { getMatrix, type Matrix } from "./get-matrix.ts";
export { contentItemSubject } from "./items/content-request.ts";
export { createItem } from "./items/create-item.ts";
export { moveItem } from "./items/move-item.ts";
export { publishDue } from "./items/publish-due.ts";
export { restoreRevision } from "./items/restore-revision.ts";
export { reviewItem } from "./items/review-item.ts";
export { marketingReviewSource } from "./items/review-open-items.ts";
export { saveItem } from "./items/save-item.ts";
export { submitItem } from "./items/submit-item.ts";
export { takeEditLock } from "./items/take-edit-lock.ts";
export { overrideMatrixRow } from "./override-matrix-row.ts";
export { renderMarkdown } from "./render-markdown.ts";
