/** Health pieces of the package pages and the rule documentation pages. */
import type { Child } from "hono/jsx";
import { Layout } from "../../platform/http/layout.tsx";
import { Section } from "../../platform/view/section.tsx";
import { type Column, Table } from "../../platform/view/table.tsx";
import type { HealthRuleOutcome, PackageHealth } from "./compute-health.ts";
import { HEALTH_RULES, type HealthRuleDefinition, SUB_SCORES } from "./health-rules.ts";
import type { ReportRoute } from "./report-route.ts";

const STATUS_TEXT: Record<HealthRuleOutcome["status"], string> = {
  pass: "pass",
  partial: "partly",
  fail: "fail",
  unknown: "unknown, not counted",
  waiting: "waiting, not counted",
  info: "shown only",
};
const STATUS_CLASS: Record<HealthRuleOutcome["status"], string> = {
  pass: "ok",
  partial: "warn",
  fail: "bad",
  unknown: "warn",
  waiting: "warn",
  info: "ok",
};

/** "72 of 100" or "unknown", always with its parts nearby. */
export function scoreText(score: number | null): string {
  return score === null ? "unknown" : `${score} of 100`;
}

/** The health cell of a list row: the total opens to its sub-scores (never a total without its parts), then labels. */
export function HealthCell(props: { health: PackageHealth | undefined }) {
  const h = props.health;
  if (!h) return <span class="muted">unknown</span>;
  return (
    <>
      <details>
        <summary>{h.total === null ? "unknown" : `${h.total} (${h.bucket})`}</summary>
        <ul class="flags">
          {h.subScores.map((s) => (
            <li>
              {s.title.toLowerCase()}: {s.score === null ? "unknown" : s.score}
            </li>
          ))}
        </ul>
      </details>
      {h.labels.map((l) => (
        <span class={`flag ${l.id === "stable" ? "ok" : "warn"}`}> {l.id}</span>
      ))}
    </>
  );
}

/** The columns of a package's health breakdown: one row per rule of a sub-score. */
const RULE_COLUMNS: readonly Column<HealthRuleOutcome>[] = [
  {
    header: "Rule",
    rowHeader: true,
    cell: (r) => (
      <a href={`/health/rules/${r.id}`}>{HEALTH_RULES.find((d) => d.id === r.id)?.title ?? r.id}</a>
    ),
  },
  {
    header: "Result",
    cell: (r) => <span class={`flag ${STATUS_CLASS[r.status]}`}>{STATUS_TEXT[r.status]}</span>,
  },
  { header: "Points", cell: (r) => (r.points === null ? "-" : `${r.points} / ${r.max}`) },
  {
    header: "Evidence",
    cell: (r) => (
      <>
        {r.message}
        {r.evidence.length > 0 && <span class="muted"> ({r.evidence.join("; ")})</span>}
      </>
    ),
  },
];

/** The breakdown on a package page: total, sub-scores, each rule with its evidence and its documentation. */
export function HealthBreakdown(props: { health: PackageHealth; route: ReportRoute }) {
  const h = props.health;
  return (
    <Section id="health" title="Health">
      <p>
        <strong>Total: {scoreText(h.total)}</strong> ({h.bucket}). {h.totalNote}.{" "}
        <a href="/health/rules">How health is scored</a>.
      </p>
      {h.labels.length > 0 && (
        <ul class="health">
          {h.labels.map((l) => (
            <li>
              <strong class={`flag ${l.id === "stable" ? "ok" : "warn"}`}>{l.text}</strong>{" "}
              {l.evidence.join("; ")}
            </li>
          ))}
        </ul>
      )}
      <Table
        caption="Sub-scores and the rules behind them"
        columns={RULE_COLUMNS}
        groups={h.subScores.map((s) => ({
          heading: `${s.title}: ${scoreText(s.score)} (weight ${s.weight})`,
          rows: s.rules,
        }))}
      />
      <h2 id="report-vulnerability">Report a vulnerability</h2>
      <p>
        {props.route.href ? <a href={props.route.href}>{props.route.text}</a> : props.route.text}{" "}
        <span class="muted">Found in: {props.route.source}.</span>
      </p>
    </Section>
  );
}

function RuleDoc(props: { rule: HealthRuleDefinition; heading?: boolean }) {
  const r = props.rule;
  return (
    <dl class="facts">
      <dt>Sub-score</dt>
      <dd>{SUB_SCORES.find((s) => s.id === r.subScore)?.title}</dd>
      <dt>Points</dt>
      <dd>{r.points === 0 ? "none (shown as evidence)" : r.points}</dd>
      <dt>Scoring</dt>
      <dd>{r.scoring}</dd>
      <dt>Why</dt>
      <dd>{r.why}</dd>
      <dt>When unknown</dt>
      <dd>{r.unknownWhen}</dd>
    </dl>
  );
}

/** `/health/rules`: every sub-score, its weight and its rules. */
export function HealthRulesPage(): Child {
  return (
    <Layout title="How package health is scored" path="/packages">
      <h1>How package health is scored</h1>
      <p>
        Each package gets six sub-scores from 0 to 100, each from the named rules below. A rule whose facts
        are unknown (a package never synced from an index, a repository whose signals were not fetched) is not
        counted, never scored as failing. The total is the weighted mean of the known sub-scores and is shown
        only beside them; without maintenance and compatibility there is no total. Buckets: healthy from 70,
        fair from 40, poor below.
      </p>
      {SUB_SCORES.map((s) => (
        <Section
          id={`sub-${s.id}`}
          title={
            <>
              {s.title} (weight {s.weight})
            </>
          }
        >
          <ul>
            {HEALTH_RULES.filter((r) => r.subScore === s.id).map((r) => (
              <li>
                <a href={`/health/rules/${r.id}`}>{r.title}</a> ({r.points} points)
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </Layout>
  );
}

/** `/health/rules/<id>`: one rule's documentation. */
export function HealthRulePage(props: { rule: HealthRuleDefinition }): Child {
  return (
    <Layout title={props.rule.title} path="/packages">
      <p>
        <a href="/health/rules">All health rules</a>
      </p>
      <h1>{props.rule.title}</h1>
      <p class="muted">Rule id: {props.rule.id}</p>
      <RuleDoc rule={props.rule} />
    </Layout>
  );
}
