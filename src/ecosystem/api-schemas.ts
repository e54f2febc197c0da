/**
 * Response schemas of the ecosystem API (releases, readiness, packages, health, checkup, reviews):
 * the routes declare them,
 * /api/openapi.json publishes them, and the API test checks every response against them.
 */
import { z } from "zod";
import { ProvenanceSchema } from "../platform/view/provenance.tsx";
import { HEALTH_BUCKETS, HEALTH_LABELS } from "./health/compute-health.ts";
import { SUB_SCORES } from "./health/health-rules.ts";
import { MILESTONE_KINDS } from "./releases/calendar.ts";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Instant = z.iso.datetime({ offset: true });
const Verdict = z.enum(["yes", "no", "maybe", "unknown", "not-synced"]);
const EvidenceSource = z.enum(["classifier", "requires-dist", "requires-python", "metadata"]);

/**
 * One milestone of a series: its date and whether it is announced (with its source), projected (by
 * which rule) or a past date never recorded (date null), and who recorded it when an admin did.
 */
const MilestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  date: Day.nullable(),
  status: z.enum(["announced", "projected", "not-recorded"]),
  rule: z.string(),
  source: z.string().nullable(),
  expected: Day,
  recorded: z.object({ by: z.string(), at: Instant, note: z.string().nullable() }).nullable(),
});

/** One Django release series with its milestones, supported Python versions and phase today. */
export const ReleaseSeriesSchema = z.object({
  series: z.string(),
  scheme: z.enum(["x.y", "calver"]),
  lts: z.boolean(),
  featureVersion: z.string(),
  classifier: z.string(),
  majorClassifier: z.string().nullable(),
  python: z.array(z.string()),
  pythonStatus: z.enum(["announced", "not-yet-announced"]),
  pythonRule: z.string(),
  milestones: z.record(z.enum(MILESTONE_KINDS), MilestoneSchema),
  developmentFrom: Day.nullable().describe(
    "The day Django's main branch starts targeting the series (the previous series' alpha); null for the first series.",
  ),
});

/** Which series a package should support today, and why. */
export const SupportAdviceSchema = z.object({
  today: Day,
  supported: z.array(z.string()),
  latest: z.string().nullable(),
  previousLts: z.string().nullable(),
  recommended: z.array(z.string()),
  mayDrop: z.array(z.string()),
  planned: z
    .array(z.string())
    .describe("Series after the next one: planned, Django's main branch does not target them yet."),
  testAgainst: z.array(z.object({ series: z.string(), how: z.string() })),
  requiresDist: z.string().nullable(),
  classifiers: z.array(z.string()),
  python: z.array(z.string()),
  reasons: z.array(z.string()),
});

/** `GET /api/releases`. */
export const ReleaseCalendarSchema = z.object({
  today: Day,
  computedAt: Instant,
  provenance: ProvenanceSchema,
  series: z.array(
    ReleaseSeriesSchema.extend({ phase: z.string().describe("Where the series stands today.") }),
  ),
  support: SupportAdviceSchema,
});

/** A recorded (or removed) milestone date, as stored. */
const RecordedMilestoneSchema = z.object({
  series: z.string(),
  milestone: z.enum(MILESTONE_KINDS),
  action: z.enum(["record", "remove"]),
  date: Day.nullable(),
  recordedAt: Instant,
  recordedBy: z.string(),
  note: z.string().nullable(),
});

/** Where a change lands: the series as the calendar now shows it, and the pages that show it. */
const LandingSchema = {
  series: ReleaseSeriesSchema.extend({ phase: z.string() }).nullable(),
  links: z.object({ calendar: z.string(), readiness: z.string(), api: z.string() }),
};

/** `POST /api/releases/milestones`. */
export const MilestoneRecordedSchema = z.object({ recorded: RecordedMilestoneSchema, ...LandingSchema });

/** `DELETE /api/releases/milestones/{series}/{milestone}`. */
export const MilestoneRemovedSchema = z.object({ removed: RecordedMilestoneSchema, ...LandingSchema });

/** The verdict for one package and one series, with the evidence. */
const CompatVerdictSchema = z.object({
  series: z.string(),
  verdict: Verdict,
  decidedBy: EvidenceSource.nullable(),
  reason: z.string(),
  evidence: z.array(
    z.object({
      source: EvidenceSource,
      says: z.enum(["yes", "no", "maybe", "allows", "unknown"]),
      detail: z.string(),
    }),
  ),
  conflicts: z.array(z.string()),
});

/** `GET /api/readiness/{series}`. */
export const SeriesReadinessReportSchema = z.object({
  today: Day,
  series: ReleaseSeriesSchema,
  phase: z.string(),
  upcoming: z.boolean(),
  readiness: z.object({
    series: z.string(),
    top: z.number().int(),
    considered: z.number().int(),
    known: z.number().int(),
    counts: z.record(Verdict, z.number().int()),
    readyShare: z.number().nullable(),
    rows: z.array(
      z.object({
        name: z.string(),
        displayName: z.string(),
        downloadRank: z.number().int().nullable(),
        version: z.string(),
        compat: CompatVerdictSchema,
      }),
    ),
  }),
  computedAt: Instant,
  catalogue: z.object({
    packages: z.number().int(),
    synced: z.number().int(),
    notSynced: z.number().int(),
    ranked: z.number().int(),
    snapshot: ProvenanceSchema.nullable(),
    lastSync: ProvenanceSchema.nullable(),
  }),
  provenance: ProvenanceSchema,
  toGetVerdicts: z
    .object({ notSynced: z.number().int(), command: z.string(), message: z.string() })
    .nullable(),
});

const SUB_SCORE_IDS = SUB_SCORES.map((s) => s.id) as [
  (typeof SUB_SCORES)[number]["id"],
  ...(typeof SUB_SCORES)[number]["id"][],
];

/** The outcome of one health rule for one package. */
const HealthRuleOutcomeSchema = z.object({
  id: z.string().describe("The rule's id; documented at /health/rules/{id}."),
  status: z
    .enum(["pass", "partial", "fail", "unknown", "waiting", "info"])
    .describe("pass, partial or fail are counted; unknown and waiting are not; info is shown only."),
  points: z.number().nullable().describe("Points given; null when the rule is not counted."),
  max: z.number().describe("Points the rule is worth inside its sub-score."),
  message: z.string().describe("What the rule found, in one sentence."),
  evidence: z.array(z.string()).describe("The facts the outcome rests on."),
});

/** What names a health sub-score, in the package's health and in the rules' list. */
const subScoreFields = {
  id: z.enum(SUB_SCORE_IDS).describe("The sub-score's id."),
  title: z.string().describe("The sub-score's name."),
  weight: z.number().describe("Its weight in the total."),
};

/** A package's explained health: the total, its bucket, labels and every sub-score with its rules. */
export const PackageHealthSchema = z.object({
  name: z.string().describe("The package's normalised name."),
  total: z
    .number()
    .nullable()
    .describe("Weighted mean of the known sub-scores (0-100); null without maintenance and compatibility."),
  totalNote: z.string().describe("How the total was made, or why there is none."),
  bucket: z.enum(HEALTH_BUCKETS).describe("The health bucket of the total."),
  labels: z
    .array(
      z.object({
        id: z.enum(HEALTH_LABELS).describe("The label."),
        text: z.string().describe("The label in words."),
        evidence: z.array(z.string()).describe("Why the package carries it."),
      }),
    )
    .describe("Labels on the package (stable, sole owner, archived, vulnerable, inactive)."),
  subScores: z
    .array(
      z.object({
        ...subScoreFields,
        score: z.number().nullable().describe("0-100 over the counted rules; null when none was counted."),
        rules: z.array(HealthRuleOutcomeSchema).describe("Its rules' outcomes."),
      }),
    )
    .describe("The sub-scores, in display order."),
});

/** Where to report a vulnerability in a package. */
export const ReportRouteSchema = z.object({
  via: z
    .enum([
      "security-policy",
      "security-url",
      "maintainers",
      "repository-unchecked",
      "working-group",
      "unknown",
    ])
    .describe("How a report reaches the maintainers."),
  text: z.string().describe("One sentence for the reporter."),
  href: z.string().nullable().describe("Where to send the report; null when not known."),
  source: z.string().describe("Where the route was found."),
});

/** The health columns of a package in the list and the exports (never a total alone). */
const HealthColumnsSchema = {
  healthTotal: z.number().nullable().describe("The health total (0-100); null when there is none."),
  healthBucket: z.enum(HEALTH_BUCKETS).describe("The health bucket."),
  healthLabels: z.array(z.enum(HEALTH_LABELS)).describe("The ids of the package's health labels."),
  healthMaintenance: z.number().nullable().describe("The maintenance sub-score; null when unknown."),
  healthCompatibility: z.number().nullable().describe("The compatibility sub-score; null when unknown."),
  healthMetadata: z.number().nullable().describe("The metadata sub-score; null when unknown."),
  healthPopularity: z.number().nullable().describe("The popularity sub-score; null when unknown."),
  healthCommunity: z.number().nullable().describe("The community sub-score; null when unknown."),
  healthRepository: z.number().nullable().describe("The repository sub-score; null when unknown."),
};

/** One package in the list and the exports; facts a sync has not fetched yet are null. */
export const PackageSummarySchema = z.object({
  name: z.string(),
  displayName: z.string(),
  latestVersion: z.string(),
  latestReleaseAt: Instant.nullable(),
  latestReleaseMonth: z.string().nullable(),
  downloadRank: z.number().int().nullable(),
  summary: z.string().nullable(),
  metadata: z.enum(["synced", "not-synced"]),
  requiresPython: z.string().nullable(),
  djangoClassifiers: z.array(z.string()).nullable(),
  pythonClassifiers: z.array(z.string()).nullable(),
  yanked: z.boolean().nullable(),
  source: z.enum(["snapshot", "index"]),
  syncedAt: Instant.nullable(),
  delistedAt: Instant.nullable(),
  provenance: z.object({ facts: ProvenanceSchema.nullable(), rank: ProvenanceSchema.nullable() }),
  url: z.string(),
});

/** `GET /api/packages`. */
export const PackageListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  pages: z.number().int(),
  catalogue: z.object({
    packages: z.number().int(),
    synced: z.number().int(),
    notSynced: z.number().int(),
    snapshot: ProvenanceSchema.nullable(),
    lastSync: ProvenanceSchema.nullable(),
  }),
  items: z.array(
    PackageSummarySchema.extend(HealthColumnsSchema).extend({
      maintainersWanted: z.boolean().describe("True when the package has an open call for maintainers."),
    }),
  ),
});

/** `GET /api/packages/{name}`. */
export const PackageDetailSchema = PackageSummarySchema.extend({
  health: PackageHealthSchema.describe("The package's explained health."),
  reportVulnerability: ReportRouteSchema.describe("Where to report a vulnerability in the package."),
  classifiers: z.array(z.string()).nullable(),
  requiresDist: z.array(z.string()).nullable(),
  projectUrls: z.record(z.string(), z.string()).nullable(),
  ownership: z
    .object({
      roles: z.array(z.object({ role: z.string(), user: z.string() })),
      organization: z.string().nullable(),
    })
    .nullable(),
  lastSerial: z.number().int().nullable(),
  lastError: z.string().nullable(),
  releases: z
    .array(
      z.object({
        version: z.string(),
        uploadedAt: Instant.nullable(),
        yanked: z.boolean(),
        requiresPython: z.string().nullable(),
      }),
    )
    .nullable(),
  support: z.array(
    z.object({
      series: z.string(),
      verdict: Verdict,
      decidedBy: EvidenceSource.nullable(),
      reason: z.string(),
    }),
  ),
  supportProvenance: ProvenanceSchema,
});

/** `GET /api/health/rules`. */
export const HealthRulesSchema = z.object({
  subScores: z
    .array(
      z.object({
        ...subScoreFields,
      }),
    )
    .describe("The sub-scores, in display order, with their weight in the total."),
  rules: z
    .array(
      z.object({
        id: z.string().describe("The rule's id; documented at /health/rules/{id}."),
        subScore: z.enum(SUB_SCORE_IDS).describe("The sub-score the rule counts in."),
        title: z.string().describe("What the rule rewards."),
        points: z.number().describe("Points the rule is worth inside its sub-score."),
        scoring: z.string().describe("How points are given."),
        why: z.string().describe("Why the rule matters."),
        unknownWhen: z.string().describe("When the rule cannot be judged, and what happens then."),
      }),
    )
    .describe("Every health rule."),
});

/** `GET /api/health/no-security-contact`. */
export const UnreachablePackagesSchema = z.object({
  asOf: Instant.describe("When the list was computed."),
  total: z.number().int().describe("Synced packages without a way to report a vulnerability."),
  synced: z.number().int().describe("Synced packages looked at."),
  packages: z
    .array(
      z.object({
        name: z.string().describe("The package's normalised name."),
        downloadRank: z.number().int().nullable().describe("Its download rank; null when not ranked."),
        owners: z.array(z.string()).describe("Its PyPI owners and maintainers."),
      }),
    )
    .describe("The packages, most used first."),
});

/** Where a checkup found its evidence. */
const CheckupEvidenceSchema = z.object({
  file: z.string().describe("The file, relative to the checked root."),
  line: z.number().int().nullable().describe("The 1-based line; null for the whole file."),
});

/** `GET /api/checkup/rules`. */
export const CheckupRulesSchema = z.object({
  rules: z
    .array(
      z.object({
        id: z.string().describe("The rule's id; documented at /checkup/rules/{id}."),
        title: z.string().describe("What the rule checks."),
        severity: z.enum(["error", "warning"]).describe("The status a failure gets."),
        appliesTo: z
          .array(z.enum(["tree", "metadata"]))
          .describe("Checked on a source tree, a metadata file (or a synced package), or both."),
        passes: z.string().describe("What passes, in one sentence."),
        why: z.string().describe("Why it matters."),
        fix: z.string().describe("How to fix a failure."),
      }),
    )
    .describe("Every checkup rule, in the order results are listed."),
});

/** `GET /api/packages/{name}/checkup`. */
export const PackageCheckupSchema = z.object({
  path: z.string().describe("The package's page."),
  kind: z.enum(["tree", "metadata"]).describe("What was checked: always metadata for a catalogued package."),
  today: Day.describe("The day the support policy was judged on."),
  name: z.string().nullable().describe("The distribution name the metadata gives."),
  djangoSeries: z.array(z.string()).describe("Django series from Framework :: Django :: X.Y classifiers."),
  pythonVersions: z.array(z.string()).describe("Python versions from Programming Language classifiers."),
  requiresPython: z.string().nullable().describe("The Requires-Python specifier."),
  djangoRequirement: z.string().nullable().describe("The Django requirement's specifier as written."),
  results: z
    .array(
      z.object({
        id: z.string().describe("The rule's id."),
        status: z.enum(["pass", "warning", "error", "skipped"]).describe("The rule's outcome."),
        message: z.string().describe("What the rule found."),
        evidence: CheckupEvidenceSchema.nullable().describe("Where the evidence is; null when none."),
      }),
    )
    .describe("One result per rule."),
  synced: z
    .boolean()
    .describe("Whether the package was synced from an index (otherwise every rule is skipped)."),
  syncedAt: Instant.nullable().describe("When it was last synced; null when never."),
});

/** A stored review without its figures. */
const ReviewHeadSchema = z.object({
  id: z.number().int().describe("The review's id."),
  takenOn: Day.describe("The day the review was taken."),
  takenAt: Instant.describe("When it was taken."),
  takenBy: z.string().describe("Who took it."),
  title: z.string().describe("Its title."),
});

/** `GET /api/reviews`. */
export const ReviewListSchema = z.object({
  reviews: z.array(ReviewHeadSchema).describe("Every review, newest first."),
});

/** `GET /api/reviews/{id}`. */
export const ReviewSchema = ReviewHeadSchema.extend({
  data: z
    .looseObject({
      takenOn: Day.describe("The day the figures are of."),
      top: z.number().int().describe("How many of the most used packages were looked at."),
    })
    .describe(
      "The figures as stored: catalogue, Django series and Python versions declared, recency, health buckets, labels, packages at risk, critical packages and time to support.",
    ),
  questions: z
    .array(
      z.object({
        id: z.string().describe("The question's id."),
        question: z.string().describe("The suggested survey question."),
        why: z.string().describe("The finding that prompts it."),
      }),
    )
    .describe("Suggested Django Developers Survey questions."),
});

/** A package whose health moved between two reviews. */
const PackageChangeSchema = z.object({
  name: z.string().describe("The package's normalised name."),
  rank: z.number().int().nullable().describe("Its download rank; null when not ranked."),
  before: z.number().nullable().describe("Its health total in the older review."),
  after: z.number().nullable().describe("Its health total in the newer review."),
  detail: z.string().describe("What moved, in words."),
});

/** `GET /api/reviews/{id}/since/{other}`. */
export const ReviewComparisonSchema = z.object({
  from: Day.describe("The day of the older review."),
  to: Day.describe("The day of the newer review."),
  figures: z
    .array(
      z.object({
        figure: z.string().describe("The figure compared."),
        before: z.number().nullable().describe("Its value in the older review."),
        after: z.number().nullable().describe("Its value in the newer review."),
        change: z.number().nullable().describe("After minus before; null when either is unknown."),
        verdict: z.enum(["improved", "regressed", "unchanged", "unknown"]).describe("Whether it got better."),
      }),
    )
    .describe("The figures, with verdicts."),
  improved: z.array(PackageChangeSchema).describe("Packages whose health improved."),
  regressed: z.array(PackageChangeSchema).describe("Packages whose health regressed."),
  newlyAtRisk: z.array(z.string()).describe("Packages at risk now that were not before."),
  noLongerAtRisk: z.array(z.string()).describe("Packages no longer at risk."),
});

/** `POST /api/reviews`. */
export const ReviewTakenSchema = z.object({
  id: z.number().int().describe("The new review's id."),
  takenOn: Day.describe("The day it was taken."),
  title: z.string().describe("Its title."),
  url: z.string().describe("Its page."),
});
