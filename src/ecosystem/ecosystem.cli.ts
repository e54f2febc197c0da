/**
 * The ecosystem room's command-line door: `src/cli.ts` imports this file (not index.ts, which
 * loads the web routes) so that declaring the commands loads none of the room's operations.
 */
import type { Command } from "commander";
import type { CliContext } from "../platform/cli.ts";
import { registerCheckupCommand } from "./checkup/checkup.cli.ts";
import { registerCompatCommands } from "./compat/compat.cli.ts";
import { registerHealthCommands } from "./health/health.cli.ts";
import { registerMaintainersCommands } from "./maintainers/maintainers.cli.ts";
import { registerPackagesCommands } from "./packages/packages.cli.ts";
import { registerReleasesCommands } from "./releases/releases.cli.ts";
import { registerReviewsCommands } from "./reviews/reviews.cli.ts";
import { registerTrackerCommands } from "./tracker/tracker.cli.ts";
import { registerTransfersCommands } from "./transfers/transfers.cli.ts";

/** Adds the ecosystem commands (`packages`, `releases`, `readiness`, `checkup`, `health`, `reviews`, `maintainers`, `tracker`, `transfers`, `contact-log`). */
export function registerEcosystemCommands(program: Command, ctx: CliContext): void {
  registerPackagesCommands(program, ctx);
  registerReleasesCommands(program, ctx);
  registerCompatCommands(program, ctx);
  registerCheckupCommand(program, ctx);
  registerHealthCommands(program, ctx);
  registerReviewsCommands(program, ctx);
  registerMaintainersCommands(program, ctx);
  registerTrackerCommands(program, ctx);
  registerTransfersCommands(program, ctx);
}
