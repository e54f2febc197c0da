/**
 * `guildhall charters parse FILE... [--json] [--status S]` and `guildhall charters check FILE...
 * [--json]`: read charter files from disk (no database) and print their structure or what a
 * proposal lacks. The parser is loaded when a command runs, not when the commands are declared.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  type JsonFlag,
  parseChoice,
  printJsonLines,
} from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { GROUP_STATUSES } from "./statuses.ts";
import type { GroupStatus, ParsedCharter, Person } from "./types.ts";

/** Reads a charter file, or fails with a one-line reason naming it. */
export async function readCharterFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : "unreadable";
    throw new AppError("bad_request", {
      message: `cannot read charter file ${file}: ${why}`,
      cause: e,
      issues: [{ field: file, message: why }],
    });
  }
}

/** Reads every file first, so a missing one fails the command before anything is printed. */
async function readCharterFiles(files: string[], statusFlag: string | undefined) {
  const status: GroupStatus | undefined =
    statusFlag === undefined ? undefined : parseChoice(statusFlag, "--status", GROUP_STATUSES);
  const texts = await Promise.all(files.map(readCharterFile));
  const { parseCharter } = await import("./parse-charter.ts");
  return files.map((file, i) => ({
    file,
    charter: parseCharter({ markdown: texts[i] ?? "", path: file, ...(status ? { status } : {}) }),
  }));
}

function people(list: Person[]): string {
  const one = (p: Person) => `${p.handle ? `${p.name} (${p.handle})` : p.name}${p.tentative ? "?" : ""}`;
  return list.length ? list.map(one).join(", ") : "-";
}

/** A readable multi-line summary of one parsed charter. */
export function summariseCharter(file: string, c: ParsedCharter): string {
  const roles = [
    `Chair: ${people(c.roles.chair)}`,
    `Co-Chair: ${people(c.roles.coChair)}`,
    `Board Liaison: ${people(c.roles.boardLiaison)}`,
  ];
  if (c.roles.steeringCouncilLiaison.length)
    roles.push(`Steering Council Liaison: ${people(c.roles.steeringCouncilLiaison)}`);
  for (const r of c.roles.other) roles.push(`${r.title}: ${people(r.people)}`);
  const term = c.termMonths ? `${c.termMonths} months` : "-";
  const window = c.termWindow ? ` (${c.termWindow.start} to ${c.termWindow.end})` : "";
  const lines = [
    `${file}: ${c.name} [${c.slug}] (${c.kind}, ${c.status})`,
    `  ${roles.join("; ")}`,
    `  Members (${c.members.length}): ${people(c.members)}`,
  ];
  if (c.alumni.length) lines.push(`  Alumni: ${people(c.alumni)}`);
  lines.push(
    `  Term: ${term}${window}; membership: ${c.membershipModel ?? "not stated"}${c.appointedBy.length ? ` (appointed by ${c.appointedBy.join(", ")})` : ""}`,
    `  Meetings: ${c.meetingCadence ?? "-"}; reporting: ${c.reportingCadence ?? "-"}; channels: ${c.channels.length}`,
    `  Missing: ${c.missing.length ? c.missing.join(", ") : "nothing"}`,
  );
  for (const w of c.warnings) lines.push(`  Warning: ${w}`);
  return lines.join("\n");
}

const STATUS_HELP = `status to use instead of the folder's (${GROUP_STATUSES.join(", ")})`;

/** Adds `parse` and `check` (file-based, no database) to `guildhall charters`. */
export function addCharterFileCommands(charters: Command, ctx: CliContext): void {
  addJsonOption(
    charters
      .command("parse")
      .description(
        "Parse charter markdown files and print their structure (roles, members, terms, cadences).",
      )
      .argument("<files...>", "charter markdown files, e.g. active/fellowship.md"),
    "file",
  )
    .option("--status <status>", STATUS_HELP)
    .action(async (files: string[], opts: JsonFlag & { status?: string }) => {
      const parsed = await readCharterFiles(files, opts.status);
      if (opts.json)
        printJsonLines(
          ctx,
          parsed.map((p) => p.charter),
        );
      else ctx.out(parsed.map((p) => summariseCharter(p.file, p.charter)).join("\n\n"));
    });

  addJsonOption(
    charters
      .command("check")
      .description("Check charter proposals against the template; exits 1 when one lacks something required.")
      .argument("<files...>", "charter markdown files, e.g. proposals/marketing.md"),
    "file",
  )
    .option("--status <status>", STATUS_HELP)
    .action(async (files: string[], opts: JsonFlag & { status?: string }) => {
      const parsed = await readCharterFiles(files, opts.status);
      const { checkCharter, isCharterComplete } = await import("./check-charter.ts");
      const lacking: string[] = [];
      for (const { file, charter } of parsed) {
        const findings = checkCharter(charter);
        const complete = isCharterComplete(findings);
        const required = findings.filter((f) => f.severity === "required").map((f) => f.field);
        if (!complete)
          lacking.push(`${file} lacks ${required.length} required item(s): ${required.join(", ")}`);
        if (opts.json) {
          printJsonLines(ctx, [
            { file, slug: charter.slug, name: charter.name, kind: charter.kind, complete, findings },
          ]);
          continue;
        }
        ctx.out(`${file}: ${charter.name} (${charter.kind})`);
        for (const f of findings) ctx.out(`  ${f.severity.padEnd(11)} ${f.field.padEnd(16)} ${f.message}`);
        if (findings.length === 0) ctx.out("  nothing missing");
      }
      if (lacking.length === 1) throw new AppError("validation", { message: lacking[0] ?? "" });
      if (lacking.length > 1) {
        throw new AppError("validation", {
          message: `${lacking.length} of ${parsed.length} charters lack required items: ${lacking.join("; ")}`,
        });
      }
    });
}
