/**
 * The governance room's command-line door: `src/cli.ts` imports this file (not index.ts, which
 * loads the web routes) so that declaring the commands loads none of the room's operations.
 */
import type { Command } from "commander";
import type { CliContext } from "../platform/cli.ts";
import { registerAccountsCommands } from "./accounts/accounts.cli.ts";
import { addCharterFileCommands } from "./charter/charter.cli.ts";
import { registerDecisionCommands } from "./decisions/decisions.cli.ts";
import { registerFundingCommands } from "./funding/funding.cli.ts";
import { registerLifecycleCommands } from "./lifecycle/lifecycle.cli.ts";
import { registerMeetingCommands } from "./meetings/meetings.cli.ts";
import { registerRegistryCommands } from "./registry/registry.cli.ts";
import { registerReportCommands } from "./reports/reports.cli.ts";
import { registerRequestCommands } from "./requests/requests.cli.ts";
import { registerHandoverCommands } from "./turnover/turnover.cli.ts";

/** Adds the governance commands (`charters`, `demo`, `users`, `tokens`, `roles`, `terms`, `votes`, `audit`, `reports`, `requests`, `meetings`, `lifecycle`, `handovers`, `funding`). */
export function registerGovernanceCommands(program: Command, ctx: CliContext): void {
  const charters = program
    .command("charters")
    .description("Read, check, import and replay the history of DSF group charters.");
  addCharterFileCommands(charters, ctx);
  registerRegistryCommands(charters, ctx);
  registerAccountsCommands(program, ctx);
  registerDecisionCommands(program, ctx);
  registerReportCommands(program, ctx);
  registerRequestCommands(program, ctx);
  registerMeetingCommands(program, ctx);
  registerLifecycleCommands(program, ctx);
  registerHandoverCommands(program, ctx);
  registerFundingCommands(program, ctx);
}
