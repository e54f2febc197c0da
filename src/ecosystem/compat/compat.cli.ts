/** `guildhall packages inspect FILE [--json]` and `guildhall readiness SERIES [--top N] [--json]`. */
import type { Command } from "commander";
import type { CliContext } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { provenanceText } from "../../platform/view/provenance.tsx";
import { formatTable } from "../releases/releases.cli.ts";
import { computeSeriesReadiness, DEFAULT_TOP } from "./compute-series-readiness.ts";
import { inspectMetadataFile } from "./inspect-metadata-file.ts";
import { VERDICTS } from "./readiness.ts";
import { describeReadyShare } from "./readiness-chart.ts";
import { VERDICT_LABELS } from "./verdict.ts";

/** The `packages` command, shared with the catalogue commands: found if already added, else created. */
function packagesCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "packages") ??
    program.command("packages").description("The Django package catalogue.")
  );
}

const list = (xs: readonly string[] | null) =>
  xs === null ? "(not declared)" : xs.length ? xs.join(", ") : "(none)";

/** Adds `packages inspect` and `readiness` to the command line. */
export function registerCompatCommands(program: Command, ctx: CliContext): void {
  packagesCommand(program)
    .command("inspect")
    .description("Read a core metadata file (METADATA or PKG-INFO) and show what it declares.")
    .argument("<file>", "path to a METADATA or PKG-INFO file")
    .option("--json", "print as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const r = await inspectMetadataFile({ path: file });
      if (opts.json) {
        ctx.out(JSON.stringify(r, null, 2));
        return;
      }
      ctx.out(`file:             ${r.file}`);
      ctx.out(`name:             ${r.name ?? ""}`);
      ctx.out(`version:          ${r.version ?? ""}`);
      ctx.out(`metadata version: ${r.metadataVersion ?? ""}`);
      ctx.out(`requires-python:  ${r.requiresPython ?? "(none)"}`);
      ctx.out(`classifiers:      ${r.classifiers.length}`);
      for (const c of r.classifiers) ctx.out(`  ${c}`);
      ctx.out(`requires-dist:    ${r.requiresDist.length}`);
      for (const d of r.requiresDist) ctx.out(`  ${d}`);
      if (r.requires.length) {
        ctx.out(`requires (1.1):   ${r.requires.length} (older field, not evaluated)`);
        for (const d of r.requires) ctx.out(`  ${d}`);
      }
      ctx.out("Django");
      ctx.out(`  from classifiers:   ${list(r.django.fromClassifiers)}`);
      ctx.out(`  requirements:       ${list(r.django.requirements)}`);
      ctx.out(`  allowed by them:    ${list(r.django.allowedByRequiresDist)}`);
      if (r.django.invalidRequirements.length)
        ctx.out(`  unreadable:         ${r.django.invalidRequirements.join("; ")}`);
      ctx.out("Python");
      ctx.out(`  from classifiers:   ${list(r.python.fromClassifiers)}`);
      ctx.out(`  allowed by Requires-Python: ${list(r.python.allowedByRequiresPython)}`);
    });

  program
    .command("readiness")
    .description(
      "How many of the top N packages are ready for a Django series (works for upcoming series too).",
    )
    .argument("<series>", "Django series, e.g. 6.1, 6.2 or 2028")
    .option("--top <n>", "number of packages by download rank", String(DEFAULT_TOP))
    .option("--json", "print as JSON")
    .action(async (series: string, opts: { top: string; json?: boolean }) => {
      if (!/^\d+$/.test(opts.top)) {
        throw new AppError("validation", {
          message: `Invalid --top: must be a whole number, got "${opts.top}"`,
        });
      }
      const services = await ctx.services();
      const report = await computeSeriesReadiness({
        db: services.database.db,
        clock: services.clock,
        series,
        top: Number(opts.top),
      });
      if (opts.json) {
        ctx.out(JSON.stringify(report, null, 2));
        return;
      }
      const r = report.readiness;
      ctx.out(
        `Django ${report.series.series} (${report.phase}${report.upcoming ? ", upcoming" : ""}) on ${report.today}: ${describeReadyShare(r)}`,
      );
      ctx.out(VERDICTS.map((v) => `${VERDICT_LABELS[v]}: ${r.counts[v]}`).join("  "));
      ctx.out(provenanceText(report.provenance));
      const c = report.catalogue;
      ctx.out(
        c.lastSync
          ? `last synced: ${provenanceText(c.lastSync).replace(/^source: /, "")}`
          : "catalogue never synced from an index",
      );
      if (c.snapshot) ctx.out(`catalogue from: ${provenanceText(c.snapshot).replace(/^source: /, "")}`);
      if (report.toGetVerdicts) ctx.out(report.toGetVerdicts.message);
      ctx.out("");
      ctx.out(
        formatTable(
          ["rank", "package", "version", "verdict", "decided by", "why"],
          r.rows.map((row) => [
            String(row.downloadRank ?? ""),
            row.displayName,
            row.version,
            VERDICT_LABELS[row.compat.verdict],
            row.compat.decidedBy ?? "-",
            (row.compat.evidence.find((e) => e.source === row.compat.decidedBy)?.detail ??
              row.compat.reason) +
              (row.compat.conflicts.length ? ` [disagreement: ${row.compat.conflicts.join("; ")}]` : ""),
          ]),
        ),
      );
    });
}
