/**
 * Reads CI and tooling configuration: GitHub Actions workflows (YAML), tox.ini, noxfile.py and
 * .pre-commit-config.yaml. Finds whether CI installs a Django pre-release or main branch, the
 * django-upgrade hook and its target version, and how releases are published. Pure.
 */
import { parse as parseYaml } from "yaml";
import { UnreadableFile } from "./parse-pyproject.ts";
import { findLine } from "./text-lines.ts";
import type { CheckupFacts, Evidence } from "./types.ts";

/**
 * A line that installs Django's main branch or a pre-release: the main-branch archive or git URL,
 * tox factors such as `djmain`/`django-main`, a Django specifier naming an a/b/rc version, pip's
 * `--pre` next to Django, or uv's prerelease switch.
 */
const DJANGO_PRERELEASE =
  /django\/django(?:\.git)?(?:@main|\/archive\/(?:refs\/heads\/)?main|\/tarball\/main)|\bdj(?:ango)?[-_]?main\b|django\s*(?:===?|~=|>=|>)\s*\d+(?:\.\d+)*(?:a|b|rc)\d|--pre\b[^\n]*django|django[^\n]*--pre\b|prerelease[= :]+(?:allow|if-necessary)/i;

/** The first line of `text` that installs a Django pre-release or main, or null. */
export function findDjangoPrerelease(text: string, file: string): { value: string; at: Evidence } | null {
  const line = findLine(text, DJANGO_PRERELEASE);
  if (line === null) return null;
  const value = (text.split(/\r\n|\r|\n/)[line - 1] ?? "").trim();
  return { value, at: { file, line } };
}

function readYaml(text: string, file: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: false });
  } catch (e) {
    const linePos = (e as { linePos?: Array<{ line: number }> }).linePos;
    const where = linePos?.[0] ? `line ${linePos[0].line}: ` : "";
    const first = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new UnreadableFile(file, `${where}invalid YAML (${first})`);
  }
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function grantsIdToken(permissions: unknown): boolean {
  const p = obj(permissions);
  return p?.["id-token"] === "write" || permissions === "write-all";
}

/** How a workflow publishes to PyPI: one entry per publishing step, trusted or with a secret. */
export function readWorkflow(text: string, file: string): CheckupFacts["publishing"] {
  const doc = obj(readYaml(text, file));
  if (!doc) return [];
  const out: CheckupFacts["publishing"] = [];
  const workflowToken = grantsIdToken(doc.permissions);
  for (const [, jobValue] of Object.entries(obj(doc.jobs) ?? {})) {
    const job = obj(jobValue);
    if (!job) continue;
    const idToken = workflowToken || grantsIdToken(job.permissions);
    for (const stepValue of arr(job.steps)) {
      const step = obj(stepValue);
      if (!step) continue;
      const uses = typeof step.uses === "string" ? step.uses : "";
      const run = typeof step.run === "string" ? step.run : "";
      const withArgs = obj(step.with) ?? {};
      if (/^pypa\/gh-action-pypi-publish@/.test(uses)) {
        const line = findLine(text, /uses:\s*["']?pypa\/gh-action-pypi-publish/);
        const password = typeof withArgs.password === "string";
        const trusted = idToken && !password;
        out.push({
          at: { file, line },
          trusted,
          detail: trusted
            ? "pypa/gh-action-pypi-publish with id-token: write and no password (trusted publishing)"
            : password
              ? "pypa/gh-action-pypi-publish with a password (an API token secret), not trusted publishing"
              : "pypa/gh-action-pypi-publish without id-token: write permission",
        });
      }
      const upload = /\b(twine\s+upload|uv\s+publish|flit\s+publish|poetry\s+publish|hatch\s+publish)\b/.exec(
        run,
      );
      if (upload) {
        const line = findLine(text, new RegExp(upload[1]?.replace(/\s+/, "\\s+") ?? "publish"));
        const trusted =
          idToken && /uv\s+publish/.test(run) && !/--token|UV_PUBLISH_TOKEN|password/i.test(run);
        out.push({
          at: { file, line },
          trusted,
          detail: trusted
            ? "uv publish with id-token: write (trusted publishing)"
            : `${upload[1]} with credentials from secrets, not trusted publishing`,
        });
      }
    }
  }
  return out;
}

/** The django-upgrade hook of a pre-commit configuration and its `--target-version`, if any. */
export function readPreCommit(text: string, file: string): CheckupFacts["djangoUpgrade"] {
  const doc = obj(readYaml(text, file));
  for (const repoValue of arr(doc?.repos)) {
    const repo = obj(repoValue);
    for (const hookValue of arr(repo?.hooks)) {
      const hook = obj(hookValue);
      if (hook?.id !== "django-upgrade") continue;
      const args = arr(hook.args).map(String);
      let target: string | null = null;
      args.forEach((a, i) => {
        const eq = /^--target-version=(.+)$/.exec(a);
        if (eq) target = eq[1] as string;
        else if (a === "--target-version") target = args[i + 1] ?? null;
      });
      const line = findLine(text, /id:\s*["']?django-upgrade/);
      return { hook: { file, line }, targetVersion: target };
    }
  }
  return null;
}
