/**
 * Response schemas of the ecosystem API (releases, readiness, packages): the routes declare them,
 * /api/openapi.json publishes them, and the API test checks every response against them.
 */
import { z } from "zod";
import { ProvenanceSchema } from "../platform/view/provenance.tsx";
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
});

/** Which series a package should support today, and why. */
export const SupportAdviceSchema = z.object({
  today: Day,
  supported: z.array(z.string()),
  latest: z.string().nullable(),
  previousLts: z.string().nullable(),
  recommended: z.array(z.string()),
  mayDrop: z.array(z.string()),
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
  items: z.array(PackageSummarySchema),
});

/** `GET /api/packages/{name}`. */
export const PackageDetailSchema = PackageSummarySchema.extend({
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
