/** `guildhall packages inspect FILE... [--json]` and `guildhall readiness SERIES [--top N] [--json]`. */
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  formatTable,
  type JsonFlag,
  parseWholeNumber,
  printJsonLines,
} from "../../platform/cli.ts";
import type { inspectMetadataFile } from "./inspect-metadata-file.ts";

/** The `packages` command, shared with the catalogue commands: found if already added, else created. */
function packagesCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "packages") ??
    program.command("packages").description("The Django package catalogue.")
  );
}

const list = (xs: readonly string[] | null) =>
  xs === null ? "(not declared)" : xs.length ? xs.join(", ") : "(none)";

/** What one metadata file declares, for people. */
function describeMetadata(r: Awaited<ReturnType<typeof inspectMetadataFile>>): string[] {
  const out = [
    `file:             ${r.file}`,
    `name:             ${r.name ?? ""}`,
    `version:          ${r.version ?? ""}`,
    `metadata version: ${r.metadataVersion ?? ""}`,
    `requires-python:  ${r.requiresPython ?? "(none)"}`,
    `classifiers:      ${r.classifiers.length}`,
    ...r.classifiers.map((c) => `  ${c}`),
    `requires-dist:    ${r.requiresDist.length}`,
    ...r.requiresDist.map((d) => `  ${d}`),
  ];
  if (r.requires.length) {
    out.push(
      `requires (1.1):   ${r.requires.length} (older field, not evaluated)`,
      ...r.requires.map((d) => `  ${d}`),
    );
  }
  out.push(
    "Django",
    `  from classifiers:   ${list(r.django.fromClassifiers)}`,
    `  requirements:       ${list(r.django.requirements)}`,
    `  allowed by them:    ${list(r.django.allowedByRequiresDist)}`,
  );
  if (r.django.invalidRequirements.length)
    out.push(`  unreadable:         ${r.django.invalidRequirements.join("; ")}`);
  out.push(
    "Python",
    `  from classifiers:   ${list(r.python.fromClassifiers)}`,
    `  allowed by Requires-Python: ${list(r.python.allowedByRequiresPython)}`,
  );
  return out;
}

/** Adds `packages inspect` and `readiness` to the command line. */
export function registerCompatCommands(program: Command, ctx: CliContext): void {
  addJsonOption(
    packagesCommand(program)
      .command("inspect")
      .description("Read core metadata files (METADATA or PKG-INFO) and show what each declares.")
      .argument("<files...>", "paths of METADATA or PKG-INFO files"),
    "file",
  ).action(async (files: string[], opts: JsonFlag) => {
    const { inspectMetadataFile } = await import("./inspect-metadata-file.ts");
    // Every file is read before anything is printed, so a bad one fails the command cleanly.
    const reports = [];
    for (const file of files) reports.push(await inspectMetadataFile({ path: file }));
    if (opts.json) printJsonLines(ctx, reports);
    else ctx.out(reports.map((r) => describeMetadata(r).join("\n")).join("\n\n"));
  });

  addJsonOption(
    program
      .command("readiness")
      .description(
        "How many of the top N packages are ready for a Django series (works for upcoming series too).",
      )
      .argument("<series>", "Django series, e.g. 6.1, 6.2 or 2028")
      .option("--top <n>", "number of packages by download rank (default 100)"),
  ).action(async (series: string, opts: JsonFlag & { top?: string }) => {
    const [
      { computeSeriesReadiness, DEFAULT_TOP, MAX_TOP },
      { VERDICTS },
      { describeReadyShare },
      { VERDICT_LABELS },
      { provenanceText },
    ] = await Promise.all([
      import("./compute-series-readiness.ts"),
      import("./readiness.ts"),
      import("./readiness-chart.ts"),
      import("./verdict.ts"),
      import("../../platform/view/provenance.tsx"),
    ]);
    const top =
      opts.top === undefined ? DEFAULT_TOP : parseWholeNumber(opts.top, "--top", { min: 1, max: MAX_TOP });
    const services = await ctx.services();
    const report = await computeSeriesReadiness({
      db: services.database.db,
      clock: services.clock,
      series,
      top,
    });
    if (opts.json) {
      printJsonLines(ctx, [report]);
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
          (row.compat.evidence.find((e) => e.source === row.compat.decidedBy)?.detail ?? row.compat.reason) +
            (row.compat.conflicts.length ? ` [disagreement: ${row.compat.conflicts.join("; ")}]` : ""),
        ]),
      ),
    );
  });
}
