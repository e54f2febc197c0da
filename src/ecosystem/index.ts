/**
 * The ecosystem room's door: Django releases, packages, PyPI sync, compatibility and readiness.
 * Other rooms and the composition root import from here only.
 */
import type { Command } from "commander";
import type { CliContext } from "../platform/cli.ts";
import { createRouter, type Router } from "../platform/http/app.tsx";
import type { Services } from "../platform/services.ts";
import { registerCheckupCommand } from "./checkup/checkup.cli.ts";
import { createCheckupRouter } from "./checkup/checkup.routes.tsx";
import { registerCompatCommands } from "./compat/compat.cli.ts";
import { createReadinessRouter } from "./compat/readiness.routes.tsx";
import { registerHealthCommands } from "./health/health.cli.ts";
import { createHealthRouter } from "./health/health.routes.tsx";
import { registerPackagesCommands } from "./packages/packages.cli.ts";
import { createPackagesRouter } from "./packages/packages.routes.tsx";
import { seedDemoPackages } from "./packages/seed-demo-packages.ts";
import { registerReleasesCommands } from "./releases/releases.cli.ts";
import { createReleasesRouter } from "./releases/releases.routes.tsx";
import { registerReviewsCommands } from "./reviews/reviews.cli.ts";
import { createReviewsRouter } from "./reviews/reviews.routes.tsx";

/** HTTP routes of the ecosystem room (pages, feeds and JSON API). */
export function createEcosystemRouter(services: Services): Router {
  const router = createRouter();
  router.route("/", createPackagesRouter(services));
  router.route("/", createReleasesRouter(services));
  router.route("/", createReadinessRouter(services));
  router.route("/", createHealthRouter(services));
  router.route("/", createCheckupRouter(services));
  router.route("/", createReviewsRouter(services));
  void services;
  return router;
}

/** Adds the ecosystem commands (`releases`, `packages`, `readiness`) to the command line. */
export function registerEcosystemCommands(program: Command, ctx: CliContext): void {
  registerPackagesCommands(program, ctx);
  registerReleasesCommands(program, ctx);
  registerCompatCommands(program, ctx);
  registerCheckupCommand(program, ctx);
  registerHealthCommands(program, ctx);
  registerReviewsCommands(program, ctx);
  void program;
  void ctx;
}

/** Demo data of the ecosystem room: the shipped package catalogue snapshot, loaded when the catalogue is empty. */
export async function seedEcosystemDemo(services: Services): Promise<void> {
  await seedDemoPackages({ db: services.database.db, clock: services.clock, log: services.log });
}
