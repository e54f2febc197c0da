/** Output formats of a checkup: text, JSON, markdown and SARIF 2.1.0. Pure. */
import { CHECKUP_RULES, type RuleSeverity } from "./rules.ts";
import type { CheckResult, CheckStatus, CheckupReport } from "./types.ts";

export { CHECKUP_FORMATS, type CheckupFormat } from "./checkup-formats.ts";

const MARK: Record<CheckStatus, string> = { pass: "pass", warning: "WARN", error: "FAIL", skipped: "skip" };

function where(r: CheckResult): string {
  if (!r.evidence) return "";
  return ` (${r.evidence.file}${r.evidence.line ? `:${r.evidence.line}` : ""})`;
}

/** Counts of each status. */
export function statusCounts(results: readonly CheckResult[]): Record<CheckStatus, number> {
  const c: Record<CheckStatus, number> = { pass: 0, warning: 0, error: 0, skipped: 0 };
  for (const r of results) c[r.status]++;
  return c;
}

/** True when a result fails at or above the `--fail-on` level. */
export function failsAt(status: CheckStatus, failOn: RuleSeverity): boolean {
  return status === "error" || (failOn === "warning" && status === "warning");
}

/** Plain text for a terminal: one line per rule. */
export function formatText(
  report: CheckupReport & { problems?: Array<{ file: string; message: string }> },
): string {
  const c = statusCounts(report.results);
  const lines = [
    `${report.path}: ${report.name ?? "(no name)"} (${report.kind === "tree" ? "source tree" : "metadata"}, policy of ${report.today})`,
    ...report.results.map((r) => `  ${MARK[r.status]}  ${r.id.padEnd(22)} ${r.message}${where(r)}`),
    ...(report.problems ?? []).map((p) => `  note  ${p.file} could not be read: ${p.message}`),
    `  ${c.pass} passed, ${c.warning} warnings, ${c.error} errors, ${c.skipped} skipped`,
  ];
  return lines.join("\n");
}

/** The JSON object of one report (the documented `--json` fields). */
export function reportJson(report: CheckupReport) {
  return {
    path: report.path,
    kind: report.kind,
    today: report.today,
    name: report.name,
    djangoSeries: report.djangoSeries,
    pythonVersions: report.pythonVersions,
    requiresPython: report.requiresPython,
    djangoRequirement: report.djangoRequirement,
    results: report.results.map((r) => ({
      id: r.id,
      status: r.status,
      message: r.message,
      evidence: r.evidence,
    })),
  };
}

const escapeCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A markdown report (a job summary in CI, a pull request comment). */
export function formatMarkdown(reports: readonly CheckupReport[], docsBase: string): string {
  const out: string[] = [];
  for (const report of reports) {
    const c = statusCounts(report.results);
    out.push(`## Checkup of ${report.name ?? report.path}`, "");
    out.push(
      `${c.pass} passed, ${c.warning} warnings, ${c.error} errors, ${c.skipped} skipped (support policy of ${report.today}).`,
      "",
    );
    out.push("| rule | status | message | where |", "|---|---|---|---|");
    for (const r of report.results) {
      const at = r.evidence ? `${r.evidence.file}${r.evidence.line ? `:${r.evidence.line}` : ""}` : "";
      out.push(
        `| [${r.id}](${docsBase}/checkup/rules/${r.id}) | ${r.status} | ${escapeCell(r.message)} | ${escapeCell(at)} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}

/** SARIF 2.1.0 (GitHub code scanning): failing results with their rule and location. */
export function formatSarif(reports: readonly CheckupReport[], docsBase: string, version: string) {
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "guildhall checkup",
            version,
            informationUri: `${docsBase}/checkup`,
            rules: CHECKUP_RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.title },
              fullDescription: { text: r.passes },
              help: { text: `${r.why} ${r.fix}` },
              helpUri: `${docsBase}/checkup/rules/${r.id}`,
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        results: reports.flatMap((report) =>
          report.results
            .filter((r) => r.status === "error" || r.status === "warning")
            .map((r) => ({
              ruleId: r.id,
              ruleIndex: CHECKUP_RULES.findIndex((d) => d.id === r.id),
              level: r.status,
              message: { text: r.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: {
                      uri:
                        r.evidence?.file ??
                        report.results.find((x) => x.evidence)?.evidence?.file ??
                        "pyproject.toml",
                    },
                    ...(r.evidence?.line ? { region: { startLine: r.evidence.line } } : {}),
                  },
                },
              ],
            })),
        ),
      },
    ],
  };
}
