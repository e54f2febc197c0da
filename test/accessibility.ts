/**
 * Browser tests' shared setup: Debian's Chromium launched with the project's flags, and axe-core run
 * on a page against the WCAG 2.0/2.1 A and AA rules.
 */
import { createRequire } from "node:module";
import type { AxeResults, ImpactValue, RunOptions } from "axe-core";
import { type Browser, chromium, type LaunchOptions, type Page } from "playwright-core";
import { requireChromium } from "./prerequisites.ts";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core");
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The axe-core tags checked: WCAG 2.0 and 2.1, levels A and AA. */
export const AXE_WCAG_TAGS: readonly string[] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One rule axe-core found broken, with the CSS selector of each offending node. */
export interface AxeViolation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  nodes: string[];
}

/**
 * Launches Debian's Chromium (/usr/bin/chromium) with the test flags; `options.args` are added to
 * them. Without Chromium the test fails with the command that installs it.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: requireChromium(),
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
  });
}

/** Injects axe-core into the page and runs the WCAG 2.0/2.1 A/AA rules (needs a context with `bypassCSP`). */
export async function axeViolations(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(
    async (tags) => {
      const axe = (globalThis as unknown as { axe: { run(options: RunOptions): Promise<AxeResults> } }).axe;
      const r = await axe.run({ runOnly: { type: "tag", values: tags } });
      return {
        passes: r.passes.length,
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) =>
            n.target
              .map((t) => (Array.isArray(t) ? t.flat(Number.POSITIVE_INFINITY).join(" >>> ") : t))
              .join(" "),
          ),
        })),
      };
    },
    [...AXE_WCAG_TAGS],
  );
}

/** What `auditPage` found: the response status and axe-core's results. */
export interface PageAudit {
  status: number;
  violations: AxeViolation[];
  passes: number;
}

/**
 * Opens `url` in a fresh context (CSP bypassed so axe can be injected), optionally with a session
 * cookie, runs `before` (to reach a state: fill a form, submit), audits with axe-core, runs `after`
 * on the same page (further checks), and closes the context.
 */
export async function auditPage(
  browser: Browser,
  url: string,
  options: {
    session?: { name: string; value: string };
    before?: (page: Page) => Promise<void>;
    after?: (page: Page) => Promise<void>;
  } = {},
): Promise<PageAudit> {
  // The site's CSP forbids inline scripts (rightly); the test bypasses it to inject axe.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    if (options.session) await context.addCookies([{ ...options.session, url: new URL(url).origin }]);
    const page = await context.newPage();
    const response = await page.goto(url);
    if (options.before) await options.before(page);
    const result = await axeViolations(page);
    if (options.after) await options.after(page);
    return { status: response?.status() ?? 0, ...result };
  } finally {
    await context.close();
  }
}
