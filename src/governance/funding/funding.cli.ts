/**
 * `guildhall funding list` and `guildhall funding totals`: every group's funding requests and the
 * per-group, per-currency totals (the command line is trusted: it sees every request). Each action
 * loads its operation when it runs.
 */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printJsonLines } from "../../platform/cli.ts";

/** Adds `guildhall funding ...`. */
export function registerFundingCommands(program: Command, ctx: CliContext): void {
  const funding = program
    .command("funding")
    .description("Funding requests: what groups asked for, what the Board approved, what was spent.");
  addJsonOption(
    funding
      .command("list")
      .description("Every funding request, newest first (amounts in the request's currency).")
      .option("--group <slug>", "only this group's requests")
      .option("--state <state>", "only requests in this state (requested, approved, rejected, withdrawn)"),
    "request",
  ).action(async (opts: JsonFlag & { group?: string; state?: string }) => {
    const [services, { getFundingOverview }] = await Promise.all([
      ctx.services(),
      import("./list-funding.ts"),
    ]);
    const db = services.database.db;
    let groupId: number | undefined;
    if (opts.group !== undefined) {
      const { loadGroup } = await import("../decisions/decisions.repo.ts");
      groupId = (await loadGroup(db, opts.group)).id;
    }
    const { requests } = await getFundingOverview({
      db,
      actor: null,
      now: services.clock.now(),
      ...(groupId === undefined ? {} : { groupId }),
    });
    const lines = requests
      .filter((r) => opts.state === undefined || r.state === opts.state)
      .map((r) => ({
        id: r.id,
        group: r.group.slug,
        purpose: r.purpose,
        currency: r.currency,
        amountMinor: r.amountMinor,
        amount: r.amount,
        state: r.state,
        approvedMinor: r.approvedMinor,
        spentMinor: r.spentMinor,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        voteId: r.vote?.id ?? null,
      }));
    if (opts.json) {
      printJsonLines(ctx, lines);
      return;
    }
    if (lines.length === 0) ctx.out("No funding request.");
    for (const r of requests.filter((x) => opts.state === undefined || x.state === opts.state)) {
      ctx.out(
        `#${r.id}  ${r.group.slug}  ${r.purpose}  ${r.amountText}  ${r.state}${r.approvedText ? ` (approved ${r.approvedText})` : ""}  spent ${r.spentText}  ${r.startsOn}..${r.endsOn}`,
      );
    }
  });
  addJsonOption(
    funding
      .command("totals")
      .description(
        "Per group and currency: requested, waiting, approved and spent (currencies never added).",
      ),
    "group and currency",
  ).action(async (opts: JsonFlag) => {
    const [services, { getFundingOverview }, { totalsAmounts }] = await Promise.all([
      ctx.services(),
      import("./list-funding.ts"),
      import("./funding.presenters.ts"),
    ]);
    const { totals } = await getFundingOverview({
      db: services.database.db,
      actor: null,
      now: services.clock.now(),
    });
    if (opts.json) {
      printJsonLines(
        ctx,
        totals.map((t) => ({ group: t.group.slug, ...totalsAmounts(t) })),
      );
      return;
    }
    if (totals.length === 0) ctx.out("No funding request.");
    for (const t of totals) {
      ctx.out(
        `${t.group.slug}  ${t.currency}  ${t.requests} request(s)  requested ${t.requestedText}  waiting ${t.waitingText}  approved ${t.approvedText}  spent ${t.spentText}`,
      );
    }
  });
}
