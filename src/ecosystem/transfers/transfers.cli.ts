/**
 * `guildhall transfers [--json]`, `guildhall transfers show ID [--json]` and
 * `guildhall contact-log PACKAGE [--json]`: ownership transfers and PEP 541 contact logs.
 */
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  formatTable,
  type JsonFlag,
  parseId,
  printJsonLines,
} from "../../platform/cli.ts";

/** Adds `transfers`, `transfers show` and `contact-log`. */
export function registerTransfersCommands(program: Command, ctx: CliContext): void {
  const transfers = addJsonOption(
    program
      .command("transfers")
      .description("Ownership transfers (open first) with their checklist progress, and the roadies' load."),
    "transfer",
  ).action(async (opts: JsonFlag) => {
    const [services, { listTransfers }, { presentTransfer }] = await Promise.all([
      ctx.services(),
      import("./get-transfer.ts"),
      import("./transfers.presenters.ts"),
    ]);
    const all = await listTransfers({ db: services.database.db });
    if (opts.json) {
      for (const t of all) printJsonLines(ctx, [presentTransfer(t)]);
      return;
    }
    if (all.length === 0) {
      ctx.out("No transfer yet.");
      return;
    }
    const finished = (t: (typeof all)[number]) =>
      t.steps.filter((s) => ["done", "verified", "not-needed"].includes(s.state)).length;
    ctx.out(
      formatTable(
        ["id", "package", "from", "to", "roadie", "state", "checklist"],
        all.map((t) => [
          String(t.id),
          t.packageName,
          t.from.label,
          t.to.label,
          t.roadie?.name ?? "none",
          t.state,
          `${finished(t)}/${t.steps.length}`,
        ]),
      ),
    );
  });

  addJsonOption(
    transfers.command("show").description("One transfer's checklist.").argument("<id>", "the transfer's id"),
  ).action(async (id: string, opts: JsonFlag) => {
    const [services, { getTransfer }, { presentTransfer }] = await Promise.all([
      ctx.services(),
      import("./get-transfer.ts"),
      import("./transfers.presenters.ts"),
    ]);
    const t = await getTransfer({ db: services.database.db, id: parseId(id) });
    if (opts.json) {
      printJsonLines(ctx, [presentTransfer(t)]);
      return;
    }
    ctx.out(
      `${t.packageName}: ${t.from.label} -> ${t.to.label} (${t.state}), roadie ${t.roadie?.name ?? "none"}`,
    );
    ctx.out(
      formatTable(
        ["step", "owner", "state", "why"],
        t.steps.map((s) => [s.step, s.ownerName, s.state, s.why]),
      ),
    );
  });

  addJsonOption(
    program
      .command("contact-log")
      .description(
        "A package's PEP 541 contact log: attempts, where the process stands, and the support request text once exhausted.",
      )
      .argument("<package>", "the package's name"),
  ).action(async (pkg: string, opts: JsonFlag) => {
    const [services, { getContactLog }, { normalizeName }] = await Promise.all([
      ctx.services(),
      import("./get-contact-log.ts"),
      import("../packages/normalize-name.ts"),
    ]);
    const log = await getContactLog({
      db: services.database.db,
      name: normalizeName(pkg),
      requester: "<your name>",
    });
    if (opts.json) {
      printJsonLines(ctx, [
        {
          package: log.pkg.name,
          process: log.process,
          attempts: log.attempts.map((a) => ({
            attemptedOn: a.attemptedOn,
            channel: a.channel,
            outcome: a.outcome,
            by: a.byName,
          })),
          supportRequest: log.supportRequest,
        },
      ]);
      return;
    }
    ctx.out(`${log.pkg.name}: ${log.process.state} (${log.process.why})`);
    for (const a of log.attempts) ctx.out(`  ${a.attemptedOn} ${a.channel} ${a.outcome} by ${a.byName}`);
    if (log.supportRequest) {
      ctx.out("");
      ctx.out(log.supportRequest);
    }
  });
}
