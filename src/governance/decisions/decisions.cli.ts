import type { Command } from "commander";
import { type CliContext, printJsonLines } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { closeDueVotes } from "./close-due-votes.ts";
import { loadGroup } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { type AuditFormat, exportAudit } from "./export-audit.ts";
import { getVote } from "./get-vote.ts";
import { listGroupAudit } from "./list-group-audit.ts";
import { listVotes } from "./list-votes.ts";
import { sweepTerms } from "./sweep-terms.ts";

async function depsOf(ctx: CliContext): Promise<DecisionDeps> {
  const services = await ctx.services();
  return {
    database: services.database,
    clock: services.clock,
    log: services.log,
  };
}

/** Adds `guildhall terms ...`, `guildhall votes ...` and `guildhall audit ...`. */
export function registerDecisionCommands(program: Command, ctx: CliContext): void {
  const terms = program.command("terms").description("Membership terms: reminders and lapsing.");
  terms
    .command("sweep")
    .description(
      "End terms that ran out without renewal and queue due reminders for delivery (safe to run again).",
    )
    .action(async () => {
      const result = await sweepTerms({ deps: await depsOf(ctx) });
      ctx.out(JSON.stringify(result));
    });

  const votes = program.command("votes").description("Votes on membership and proposals.");
  votes
    .command("close-due")
    .description("Close every vote whose closing time has passed and apply its outcome.")
    .action(async () => {
      ctx.out(JSON.stringify(await closeDueVotes({ deps: await depsOf(ctx) })));
    });
  votes
    .command("list")
    .description("List votes as JSON lines (a secret vote shows counts only once closed).")
    .option("--group <slug>", "only this group's votes")
    .option("--open", "only open votes")
    .action(async (opts: { group?: string; open?: boolean }) => {
      const { database } = await ctx.services();
      const groupId = opts.group ? (await loadGroup(database.db, opts.group)).id : undefined;
      const list = await listVotes({
        db: database.db,
        groupId,
        status: opts.open ? "open" : undefined,
        viewerPersonId: null,
      });
      printJsonLines(ctx, list);
    });
  votes
    .command("show <id>")
    .description("Show one vote as JSON (open ballots included; a secret ballot never shows who voted how).")
    .action(async (id: string) => {
      if (!/^\d+$/.test(id))
        throw new AppError("validation", { message: `Invalid vote id: "${id}" is not a number` });
      const { database } = await ctx.services();
      ctx.out(
        JSON.stringify(
          await getVote({ db: database.db, voteId: Number(id), viewerPersonId: null, showBallots: true }),
        ),
      );
    });

  program
    .command("audit")
    .description("Export a group's decision audit trail.")
    .requiredOption("--group <slug>", "the group")
    .option("--format <format>", "csv or json", "csv")
    .action(async (opts: { group: string; format: string }) => {
      const { database } = await ctx.services();
      const group = await loadGroup(database.db, opts.group);
      const format: AuditFormat = opts.format === "json" ? "json" : "csv";
      const text = exportAudit({
        entries: await listGroupAudit({ db: database.db, groupId: group.id }),
        format,
      });
      ctx.out(text.trimEnd());
    });
}
