/**
 * `guildhall terms sweep`, `guildhall votes close-due | list | show` and `guildhall audit`. Each
 * action loads its operation when it runs.
 */
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  type JsonFlag,
  parseChoice,
  parseId,
  printJsonLines,
  printList,
} from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import type { DecisionDeps } from "./deps.ts";
import type { VoteView } from "./vote-views.ts";

async function depsOf(ctx: CliContext): Promise<DecisionDeps> {
  const services = await ctx.services();
  return {
    database: services.database,
    clock: services.clock,
    log: services.log,
  };
}

async function groupIdOf(ctx: CliContext, slug: string): Promise<number> {
  const [{ database }, { loadGroup }] = await Promise.all([ctx.services(), import("./decisions.repo.ts")]);
  return (await loadGroup(database.db, slug)).id;
}

const AUDIT_FORMATS = ["csv", "json", "text"] as const;

/** A vote in a few lines, as far as its secrecy allows (counts of a secret vote only once closed). */
function describeVote(v: VoteView): string[] {
  const counts = v.counts ? `yes ${v.counts.yes}, no ${v.counts.no}, abstain ${v.counts.abstain}` : "hidden";
  const lines = [
    `Vote ${v.id} in ${v.group.slug}: ${v.title} (${v.kind}, ${v.secrecy} ballot)`,
    `  ${v.status}${v.outcome ? `, ${v.outcome}` : ""}; opened ${v.openedAt}, closes ${v.closedAt ?? v.closesAt}`,
    `  decided by ${v.body}: ${v.cast} of ${v.electorateSize} voted; counts ${counts}${v.needed === null ? "" : `; ${v.needed} yes needed`}`,
  ];
  if (v.subject) lines.push(`  about ${v.subject.name}`);
  if (v.ballots) for (const b of v.ballots) lines.push(`  ${b.name}: ${b.choice}`);
  else if (v.voters.length) lines.push(`  voted: ${v.voters.map((p) => p.name).join(", ")}`);
  for (const e of v.extensions) lines.push(`  extended ${e.from} -> ${e.to}: ${e.reason}`);
  if (v.closeReason) lines.push(`  closed: ${v.closeReason}`);
  return lines;
}

/** Adds `guildhall terms ...`, `guildhall votes ...` and `guildhall audit ...`. */
export function registerDecisionCommands(program: Command, ctx: CliContext): void {
  const terms = program.command("terms").description("Membership terms: reminders and lapsing.");
  addJsonOption(
    terms
      .command("sweep")
      .description(
        "End terms that ran out without renewal and queue due reminders for delivery (safe to run again).",
      ),
  ).action(async (opts: JsonFlag) => {
    const [deps, { sweepTerms }] = await Promise.all([depsOf(ctx), import("./sweep-terms.ts")]);
    const r = await sweepTerms({ deps });
    if (opts.json) printJsonLines(ctx, [r]);
    else
      ctx.out(
        `Term sweep of ${r.day}: ${r.lapsed} term(s) ended without renewal, ${r.reminded} reminder(s) (${r.notified} notification(s) queued).`,
      );
  });

  const votes = program.command("votes").description("Votes on membership and proposals.");
  addJsonOption(
    votes
      .command("close-due")
      .description("Close every vote whose closing time has passed and apply its outcome."),
  ).action(async (opts: JsonFlag) => {
    const [deps, { closeDueVotes }] = await Promise.all([depsOf(ctx), import("./close-due-votes.ts")]);
    const r = await closeDueVotes({ deps });
    if (opts.json) printJsonLines(ctx, [r]);
    else ctx.out(r.closed.length ? `Closed vote(s) ${r.closed.join(", ")}.` : "No vote was due.");
  });
  addJsonOption(
    votes
      .command("list")
      .description("List votes, open first (a secret vote shows counts only once closed).")
      .option("--group <slug>", "only this group's votes")
      .option("--open", "only open votes"),
    "vote",
  ).action(async (opts: JsonFlag & { group?: string; open?: boolean }) => {
    const [{ database }, { listVotes }] = await Promise.all([ctx.services(), import("./list-votes.ts")]);
    const groupId = opts.group ? await groupIdOf(ctx, opts.group) : undefined;
    const list = await listVotes({
      db: database.db,
      groupId,
      status: opts.open ? "open" : undefined,
      viewerPersonId: null,
    });
    printList(ctx, opts, list, {
      empty: opts.open ? "No open votes." : "No votes.",
      header: ["id", "group", "title", "status", "closes", "voted", "outcome"],
      row: (v) => [
        String(v.id),
        v.group.slug,
        v.title,
        v.status,
        v.closedAt ?? v.closesAt,
        `${v.cast}/${v.electorateSize}`,
        v.outcome ?? "-",
      ],
    });
  });
  addJsonOption(
    votes
      .command("show")
      .description("Show one vote (open ballots included; a secret ballot never shows who voted how).")
      .argument("<id>", "the vote's id"),
  ).action(async (id: string, opts: JsonFlag) => {
    const voteId = parseId(id, "vote id");
    const [{ database }, { getVote }] = await Promise.all([ctx.services(), import("./get-vote.ts")]);
    const vote = await getVote({ db: database.db, voteId, viewerPersonId: null, showBallots: true });
    if (opts.json) printJsonLines(ctx, [vote]);
    else for (const line of describeVote(vote)) ctx.out(line);
  });

  addJsonOption(
    program
      .command("audit")
      .description("Export a group's decision audit trail, newest first (CSV by default).")
      .requiredOption("--group <slug>", "the group")
      .option(
        "--format <format>",
        `${AUDIT_FORMATS.join(", ")} (default csv; json is the same as --json; text is one sentence per entry)`,
      ),
    "entry",
  ).action(async (opts: JsonFlag & { group: string; format?: string }) => {
    const format =
      opts.format === undefined
        ? opts.json
          ? "json"
          : "csv"
        : parseChoice(opts.format, "--format", AUDIT_FORMATS);
    if (opts.json && format !== "json") {
      throw new AppError("validation", {
        message: `--json prints JSON lines; it cannot be combined with --format ${format}`,
        issues: [{ field: "--format", message: "conflicts with --json" }],
      });
    }
    const [{ database }, { listGroupAudit }, { exportAudit }, { listGroupAuditInWords, auditText }] =
      await Promise.all([
        ctx.services(),
        import("./list-group-audit.ts"),
        import("./export-audit.ts"),
        import("./audit-in-words.ts"),
      ]);
    const groupId = await groupIdOf(ctx, opts.group);
    if (format === "text") {
      ctx.out(auditText(await listGroupAuditInWords({ db: database.db, groupId })).trimEnd());
      return;
    }
    const entries = await listGroupAudit({ db: database.db, groupId });
    if (format === "json") printJsonLines(ctx, entries);
    else ctx.out(exportAudit({ entries, format }).trimEnd());
  });
}
