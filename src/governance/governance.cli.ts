import type { Command } from "commander";
import type { CliContext } from "../platform/cli.ts";
import { registerAccountsCommands } from "./accounts/accounts.cli.ts";
import { addCharterFileCommands } from "./charter/charter.cli.ts";
import { registerDecisionCommands } from "./decisions/decisions.cli.ts";
import { registerRegistryCommands } from "./registry/registry.cli.ts";

/** Builds `guildhall charters ...`; each part of the room adds its own subcommands here. */
export function registerGovernanceCommands(program: Command, ctx: CliContext): void {
  const charters = program
    .command("charters")
    .description("Read, check, import and replay the history of DSF group charters.");
  void charters;
  void ctx;
  addCharterFileCommands(charters, ctx);
  registerRegistryCommands(charters, ctx);
  registerAccountsCommands(program, ctx);
  registerDecisionCommands(program, ctx);
}
