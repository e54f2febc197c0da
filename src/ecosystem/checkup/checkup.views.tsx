/** Checkup pages: what it is (with the GitHub Actions step), the rule documentation, a synced package's checkup. */

import type { Child } from "hono/jsx";
import { Layout } from "../../platform/http/layout.tsx";
import { Table } from "../../platform/view/table.tsx";
import { CHECKUP_RULES, type RuleDefinition } from "./rules.ts";
import type { CheckStatus, CheckupReport } from "./types.ts";

const CLASS: Record<CheckStatus, string> = { pass: "ok", warning: "warn", error: "bad", skipped: "warn" };

/** The documented GitHub Actions step. */
export const ACTIONS_STEP = `    env:
      # Where your Guildhall checkout is served from (Guildhall is not on npm).
      GUILDHALL_GIT_URL: https://git.example.org/guildhall.git
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Guildhall checkup
        run: |
          git clone --depth 1 "$GUILDHALL_GIT_URL" "$RUNNER_TEMP/guildhall"
          (cd "$RUNNER_TEMP/guildhall" && npm ci --omit=dev)
          node "$RUNNER_TEMP/guildhall/bin/guildhall.js" checkup . --format markdown >> "$GITHUB_STEP_SUMMARY" || true
          node "$RUNNER_TEMP/guildhall/bin/guildhall.js" checkup . --fail-on error`;

/** `/checkup`: the command, its exit codes, the CI step and the rules. */
export function CheckupAboutPage(): Child {
  return (
    <Layout title="Package checkup" path="/packages">
      <h1>Package checkup</h1>
      <p>
        <code>guildhall checkup PATH|METADATA_FILE</code> reads a Django package's source tree
        (pyproject.toml, setup.cfg, setup.py without running it, tox.ini, noxfile.py, GitHub Actions
        workflows, .pre-commit-config.yaml, README, licence, SECURITY policy) or a METADATA/PKG-INFO file and
        checks it against the rules below, judged against the Django support policy of the day (
        <a href="/releases/support">/releases/support</a>).
      </p>
      <pre tabindex={0}>
        <code>{`guildhall checkup . [--json] [--format text|json|markdown|sarif] [--fail-on error|warning] [--today YYYY-MM-DD]`}</code>
      </pre>
      <p>
        Exit codes: 0 when nothing fails at the <code>--fail-on</code> level (default error), 3 when something
        does, 2 when there is nothing to check (no packaging file), 1 for a usage error or an unreadable file
        (broken TOML). Every synced package's metadata can also be checked here:{" "}
        <code>/packages/NAME/checkup</code> and <code>/api/packages/NAME/checkup</code> (metadata rules only).
      </p>
      <h2>In GitHub Actions</h2>
      <pre tabindex={0}>
        <code>{ACTIONS_STEP}</code>
      </pre>
      <RuleList />
    </Layout>
  );
}

function RuleList() {
  return (
    <>
      <h2 id="rules">Rules</h2>
      <Table
        caption="Checkup rules, with where each is checked"
        rows={CHECKUP_RULES}
        columns={[
          { header: "Rule id", cell: (r) => <a href={`/checkup/rules/${r.id}`}>{r.id}</a>, rowHeader: true },
          { header: "What passes", cell: (r) => r.title },
          { header: "A failure is", cell: (r) => r.severity },
          {
            header: "Checked on",
            cell: (r) => r.appliesTo.map((a) => (a === "tree" ? "source trees" : "metadata")).join(", "),
          },
        ]}
      />
    </>
  );
}

/** `/checkup/rules`. */
export function CheckupRulesPage(): Child {
  return (
    <Layout title="Checkup rules" path="/packages">
      <p>
        <a href="/checkup">About the checkup</a>
      </p>
      <h1>Checkup rules</h1>
      <RuleList />
    </Layout>
  );
}

/** `/checkup/rules/<id>`. */
export function CheckupRulePage(props: { rule: RuleDefinition }): Child {
  const r = props.rule;
  return (
    <Layout title={`Checkup rule ${r.id}`} path="/packages">
      <p>
        <a href="/checkup/rules">All checkup rules</a>
      </p>
      <h1>
        {r.id}: {r.title}
      </h1>
      <dl class="facts">
        <dt>Passes when</dt>
        <dd>{r.passes}</dd>
        <dt>A failure is</dt>
        <dd>{r.severity}</dd>
        <dt>Checked on</dt>
        <dd>
          {r.appliesTo
            .map((a) => (a === "tree" ? "source trees" : "metadata files and synced packages"))
            .join(", ")}
        </dd>
        <dt>Why</dt>
        <dd>{r.why}</dd>
        <dt>How to fix</dt>
        <dd>{r.fix}</dd>
      </dl>
    </Layout>
  );
}

/** `/packages/<name>/checkup`. */
export function PackageCheckupPage(props: {
  report: CheckupReport & { synced: boolean; syncedAt: string | null };
  name: string;
}): Child {
  const r = props.report;
  return (
    <Layout title={`Checkup of ${r.name ?? props.name}`} path="/packages">
      <p>
        <a href={`/packages/${props.name}`}>{r.name ?? props.name}</a>
      </p>
      <h1>Checkup of {r.name ?? props.name}</h1>
      <p>
        The metadata rules on the latest release as the index reported it (
        {r.synced && r.syncedAt ? `synced ${r.syncedAt.slice(0, 10)}` : "not synced: snapshot data only"}),
        against the support policy of {r.today}. Rules about source trees (CI, pre-commit, publishing) need{" "}
        <a href="/checkup">guildhall checkup</a> on the repository. Also as{" "}
        <a href={`/api/packages/${props.name}/checkup`}>JSON</a>.
      </p>
      <Table
        caption="Results"
        rows={r.results}
        columns={[
          { header: "Rule", cell: (x) => <a href={`/checkup/rules/${x.id}`}>{x.id}</a>, rowHeader: true },
          { header: "Status", cell: (x) => <span class={`flag ${CLASS[x.status]}`}>{x.status}</span> },
          { header: "Message", cell: (x) => x.message },
        ]}
      />
    </Layout>
  );
}
