/**
 * The ecosystem room's door: Django releases, packages, PyPI sync, compatibility and readiness.
 * Other rooms and the composition root import from here only.
 */
import { createRouter, mountAreas, type Router } from "../platform/http/app.tsx";
import type { Services } from "../platform/services.ts";
import { createCheckupRouter } from "./checkup/checkup.routes.tsx";
import { createReadinessRouter } from "./compat/readiness.routes.tsx";
import { createHealthRouter } from "./health/health.routes.tsx";
import { createMaintainersRouter } from "./maintainers/maintainers.routes.tsx";
import { createPackagesRouter } from "./packages/packages.routes.tsx";
import { seedDemoPackages } from "./packages/seed-demo-packages.ts";
import { createReleasesRouter } from "./releases/releases.routes.tsx";
import { createReviewsRouter } from "./reviews/reviews.routes.tsx";
import { syncChunkJob } from "./sync/sync-worker.ts";
import { trackerRemindersJob } from "./tracker/tracker.jobs.ts";
import { createTrackerRouter } from "./tracker/tracker.routes.tsx";
import { trackerReminderTemplate } from "./tracker/tracker-reminder.template.ts";
import { createTransfersRouter } from "./transfers/transfers.routes.tsx";

export type { SyncJobDeps } from "./sync/sync-worker.ts";

/** The ecosystem room's job definitions (run by the server and `guildhall worker`). */
export const ecosystemJobs = [syncChunkJob, trackerRemindersJob];

/** The ecosystem room's notification templates. */
export const ecosystemTemplates = [trackerReminderTemplate];

/** HTTP routes of the ecosystem room (pages, feeds and JSON API). */
export function createEcosystemRouter(services: Services): Router {
  return mountAreas(createRouter(), services, [
    createPackagesRouter,
    createReleasesRouter,
    createReadinessRouter,
    createHealthRouter,
    createCheckupRouter,
    createReviewsRouter,
    createMaintainersRouter,
    createTrackerRouter,
    createTransfersRouter,
  ]);
}

/** Demo data of the ecosystem room: the shipped package catalogue snapshot, loaded when the catalogue is empty. */
export async function seedEcosystemDemo(services: Services): Promise<void> {
  await seedDemoPackages({ db: services.database.db, clock: services.clock, log: services.log });
}

// Operations and pure rules the benchmarks, scripts and shared test infrastructure drive directly.
export { runCheckup } from "./checkup/run-checkup.ts";
export { computeReadiness, type RankedPackage } from "./compat/readiness.ts";
export { judgeCompatibility, targetForSeries, type Verdict } from "./compat/verdict.ts";
export { computeHealth, type HealthFacts, healthContext } from "./health/compute-health.ts";
export { repositoryOwner } from "./maintainers/maintainer-rule.ts";
export { loadSnapshot } from "./packages/load-snapshot.ts";
export { parseSnapshotLine } from "./packages/snapshot-tsv.ts";
export { buildReleaseCalendar } from "./releases/calendar.ts";
export { type RecordMilestoneInput, recordMilestone } from "./releases/record-milestone.ts";
export { buildReview } from "./reviews/review.ts";
export { fetchProject, SIMPLE_ACCEPT } from "./sync/fetch-project.ts";
export { parseSimpleIndex } from "./sync/pypi-documents.ts";
export { syncPackages } from "./sync/sync-packages.ts";
export { sendTrackerReminders } from "./tracker/send-tracker-reminders.ts";
