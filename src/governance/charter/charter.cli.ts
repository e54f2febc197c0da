/**
 * `guildhall charters parse FILE... [--json] [--status S]` and `guildhall charters check FILE [--json]`:
 * read charter files from disk (no database) and print their structure or what a proposal lacks.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { type CliContext, printJsonLines } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { checkCharter, isCharterComplete } from "./check-charter.ts";
import { parseCharter } from "./parse-charter.ts";
import { type GroupStatus, GroupStatusSchema, type ParsedCharter, type Person } from "./types.ts";

async function readCharterFile(file: string): Promise<string> {
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

function parseStatus(value: string | undefined): GroupStatus | undefined {
  if (value === undefined) return undefined;
  const r = GroupStatusSchema.safeParse(value);
  if (!r.success) {
    throw new AppError("validation", {
      message: `Invalid --status "${value}": expected one of ${GroupStatusSchema.options.join(", ")}`,
      issues: [{ field: "--status", message: "unknown status" }],
    });
  }
  return r.data;
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

/** Adds `parse` and `check` (file-based, no database) to `guildhall charters`. */
export function addCharterFileCommands(charters: Command, ctx: CliContext): void {
  charters
    .command("parse")
    .description("Parse charter markdown files and print their structure (roles, members, terms, cadences).")
    .argument("<files...>", "charter markdown files, e.g. active/fellowship.md")
    .option("--json", "print one JSON object per file, one per line")
    .option(
      "--status <status>",
      `status to use instead of the folder's (${GroupStatusSchema.options.join(", ")})`,
    )
    .action(async (files: string[], opts: { json?: boolean; status?: string }) => {
      const status = parseStatus(opts.status);
      const texts: string[] = [];
      for (const file of files) texts.push(await readCharterFile(file));
      const parsed = files.map((file, i) =>
        parseCharter({ markdown: texts[i] ?? "", path: file, ...(status ? { status } : {}) }),
      );
      if (opts.json) printJsonLines(ctx, parsed);
      else ctx.out(parsed.map((c, i) => summariseCharter(files[i] ?? "", c)).join("\n\n"));
    });

  charters
    .command("check")
    .description("Check a charter proposal against the template; exits 1 when something required is missing.")
    .argument("<file>", "charter markdown file, e.g. proposals/marketing.md")
    .option("--json", "print the findings as one JSON object")
    .option(
      "--status <status>",
      `status to use instead of the folder's (${GroupStatusSchema.options.join(", ")})`,
    )
    .action(async (file: string, opts: { json?: boolean; status?: string }) => {
      const status = parseStatus(opts.status);
      const charter = parseCharter({
        markdown: await readCharterFile(file),
        path: file,
        ...(status ? { status } : {}),
      });
      const findings = checkCharter(charter);
      const complete = isCharterComplete(findings);
      if (opts.json) {
        printJsonLines(ctx, [
          { file, slug: charter.slug, name: charter.name, kind: charter.kind, complete, findings },
        ]);
      } else {
        ctx.out(`${file}: ${charter.name} (${charter.kind})`);
        for (const f of findings) ctx.out(`  ${f.severity.padEnd(11)} ${f.field.padEnd(16)} ${f.message}`);
        if (findings.length === 0) ctx.out("  nothing missing");
      }
      if (!complete) {
        const n = findings.filter((f) => f.severity === "required").length;
        throw new AppError("validation", {
          message: `${file} lacks ${n} required item(s): ${findings
            .filter((f) => f.severity === "required")
            .map((f) => f.field)
            .join(", ")}`,
        });
      }
    });
}
