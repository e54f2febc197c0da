/**
 * The delegation matrix: for each kind of content, who must approve it, derived from the marketing
 * charter's delegation (autonomous areas, areas "in collaboration with" partner groups, the Website
 * WG's final check on template-managed pages), with the charter line each row comes from. Content the
 * charter delegates nowhere goes to the Board. A Chair's override replaces a row's steps. Pure.
 */
import type { Delegation } from "../governance/index.ts";
import { CONTENT_KIND_LABELS, CONTENT_KINDS, type ContentKind, type StepKind } from "./content-kinds.ts";

/** One approval a kind needs: its kind and, for partner and final-check steps, the group as the charter names it. */
export interface MatrixStep {
  step: StepKind;
  group: string | null;
}

/** Where a row comes from: the charter file, the line and its words. */
export interface MatrixSource {
  path: string | null;
  line: number | null;
  text: string;
}

/** A Chair's override of a row. */
export interface MatrixOverride {
  steps: MatrixStep[];
  reason: string;
  byName: string;
  at: Date;
}

/** One row of the matrix. */
export interface MatrixRow {
  kind: ContentKind;
  label: string;
  /** "autonomous", "collaborative" or "board" (outside the delegated areas), before any override. */
  delegation: "autonomous" | "collaborative" | "board";
  steps: MatrixStep[];
  /** The charter's words behind the row (the delegated area, then the final check), or none for a Board row. */
  sources: MatrixSource[];
  /** The steps the charter gives, when an override replaced them. */
  charterSteps: MatrixStep[] | null;
  override: MatrixOverride | null;
}

/** Which delegated area a kind belongs to, and which of the area's partners sign it off. */
const AREAS: Record<ContentKind, { area: RegExp; partners?: RegExp; finalCheck?: RegExp }> = {
  "blog-post": { area: /\bblog\b/iu },
  "www-page": { area: /["“]www["”]|\bwww\b/iu },
  "www-template-page": { area: /["“]www["”]|\bwww\b/iu, finalCheck: /\btemplates?\b/iu },
  "fundraising-page": { area: /\bfundraising pages?\b/iu },
  "docs-contribution": { area: /["“]docs["”]|\bdocs\b|\bdocumentation\b/iu },
  "social-post": { area: /\bsocial media\b/iu, partners: /\bsocial\b/iu },
  "community-announcement": {
    area: /\bonline community\b|\bcommunity channels\b/iu,
    partners: /\bcommunity\b/iu,
  },
  "event-collateral": { area: /\bcollateral\b|\bevents?\b/iu },
  "campaign-site-page": { area: /\bcampaign sites?\b/iu },
  // The documents the group maintains: every line naming one is the row's source.
  "strategy-document": { area: /\bstrategy\b|\bguidelines\b|\bKPIs?\b/iu },
};

const DOCUMENTS = /\bstrategy\b|\bguidelines\b|\bKPIs?\b/iu;

/** The matrix from a charter's delegation (read from the file at `path`) and the Chair's overrides. */
export function deriveMatrix(input: {
  delegation: Delegation;
  path: string | null;
  overrides?: ReadonlyMap<ContentKind, MatrixOverride>;
}): MatrixRow[] {
  const { delegation, path } = input;
  // The documents the group maintains (strategy, guidelines, KPIs) are no area content belongs to;
  // they are the strategy documents' row.
  return CONTENT_KINDS.map((kind) => {
    const spec = AREAS[kind];
    const docs = kind === "strategy-document";
    const areas = (list: Delegation["autonomous"]) => list.filter((a) => DOCUMENTS.test(a.text) === docs);
    const own = areas(delegation.autonomous).filter((a) => spec.area.test(a.text));
    const shared =
      own.length > 0 ? [] : areas(delegation.collaborative).filter((a) => spec.area.test(a.text));
    // A content kind belongs to the first area naming it; a strategy document cites every document line.
    const matched = (own.length > 0 ? own : shared).slice(0, docs ? undefined : 1);
    const area = matched[0];
    let steps: MatrixStep[];
    const sources: MatrixSource[] = [];
    let kindOf: MatrixRow["delegation"];
    if (!area) {
      kindOf = "board";
      steps = [{ step: "board", group: null }];
    } else {
      for (const a of matched) sources.push({ path, line: a.line, text: a.text });
      steps = [{ step: "member", group: null }];
      kindOf = own.length > 0 ? "autonomous" : "collaborative";
      if (own.length === 0) {
        const named = spec.partners ? area.partners.filter((p) => spec.partners?.test(p)) : [];
        for (const p of named.length ? named : area.partners) steps.push({ step: "partner", group: p });
      }
      if (spec.finalCheck) {
        const check = delegation.finalChecks.find((f) => spec.finalCheck?.test(f.text));
        if (check) {
          steps.push({ step: "final-check", group: check.by });
          sources.push({ path, line: check.line, text: check.text });
        }
      }
    }
    const override = input.overrides?.get(kind) ?? null;
    return {
      kind,
      label: CONTENT_KIND_LABELS[kind],
      delegation: kindOf,
      steps: override ? override.steps : steps,
      sources,
      charterSteps: override ? steps : null,
      override,
    };
  });
}

/** The step in words, for pages and the command line. */
export function stepInWords(s: MatrixStep, groupName: string): string {
  if (s.step === "member") return `another ${groupName} member`;
  if (s.step === "board") return "the Board";
  if (s.step === "final-check") return `final check by the ${s.group ?? "?"}`;
  return `sign-off by the ${s.group ?? "?"}`;
}

/** How a charter's group name compares with a group's name: "the website working group" ~ "Website WG". */
export function groupNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/^the\s+/u, "")
    .replace(/\bworking group\b/gu, "wg")
    .replace(/[^a-z0-9]+/gu, " ")
    .trim();
}
