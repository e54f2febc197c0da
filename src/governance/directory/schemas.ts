/**
 * The shapes the directory returns, as zod schemas: operations return these types, the JSON API
 * encodes with them and /api/openapi.json documents them (via z.toJSONSchema).
 */
import { z } from "zod";
import {
  CHARTER_ROLE_NAMES,
  GROUP_EVENT_KINDS,
  GROUP_EVENT_SOURCES,
} from "../../platform/db/schema/closed-sets.ts";
import { ProvenanceSchema } from "../../platform/view/provenance.tsx";
import {
  AppointingRoleSchema,
  CadenceSchema,
  GroupKindSchema,
  GroupStatusSchema,
  MembershipModelSchema,
} from "../charter/types.ts";

/** A health flag as shown on pages and in the API. */
export const HealthFlagSchema = z.object({
  code: z.enum([
    "below-minimum-membership",
    "no-board-liaison",
    "size-outside-range",
    "missing-charter-fields",
  ]),
  severity: z.enum(["critical", "warning"]),
  message: z.string(),
  rule: z.object({ source: z.string(), summary: z.string() }),
});

/** A link to a person: enough to name them and to reach their page. */
export const PersonRefSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  handle: z.string().nullable(),
});
/** A link to a person. */
export type PersonRef = z.infer<typeof PersonRefSchema>;

/**
 * A former member: who, when they left and the commit that recorded it, when known. They are
 * named in the charter's alumni list, or the replayed history shows them leaving (a commit removed
 * them), or their role periods all ended (a decision or a lapsed term).
 */
export const AlumnusSchema = PersonRefSchema.extend({
  /** The day they left (YYYY-MM-DD), from the history or the last role period; null when unknown. */
  leftOn: z.string().nullable(),
  /** The charter repository commit that removed them, when the history shows it. */
  commitSha: z.string().nullable(),
  /** True when the charter's own alumni list names them. */
  inCharter: z.boolean(),
});
/** A former member. */
export type Alumnus = z.infer<typeof AlumnusSchema>;

/** Someone the charter names tentatively ("Jane Doe?") for a role: proposed, not holding it. */
export const ProposedHolderSchema = z.object({
  role: z.enum(["chair", "co-chair", "board-liaison", "steering-council-liaison", "member", "other"]),
  /** The title of an "other" role; empty otherwise. */
  title: z.string(),
  person: PersonRefSchema,
});
/** A proposed (tentative) role holder. */
export type ProposedHolder = z.infer<typeof ProposedHolderSchema>;

/** Where the stored charter was read from: the repository path, the commit and its date when known. */
export const CharterSourceSchema = z.object({
  path: z.string().nullable(),
  commitSha: z.string().nullable(),
  committedAt: z.string().nullable(),
  /** When Guildhall stored this version (an import's time, or the commit's when replayed from history). */
  storedAt: z.string(),
});

/** One line of the directory. */
export const GroupSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: GroupKindSchema,
  status: GroupStatusSchema,
  /** Distinct current members, role holders and liaisons included. */
  size: z.number().int(),
  chairs: z.array(PersonRefSchema),
  coChairs: z.array(PersonRefSchema),
  health: z.array(HealthFlagSchema),
});
/** One line of the directory. */
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

/** Filters of the directory (`?kind=&status=`); empty strings mean "any". */
export const GroupFilterSchema = z.object({
  kind: z.preprocess((v) => (v === "" ? undefined : v), GroupKindSchema.optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), GroupStatusSchema.optional()),
});
/** Filters of the directory. */
export type GroupFilter = z.infer<typeof GroupFilterSchema>;

/** The directory: the groups that pass the filter, in display order. */
export const GroupListSchema = z.object({
  filter: z.object({ kind: GroupKindSchema.nullable(), status: GroupStatusSchema.nullable() }),
  groups: z.array(GroupSummarySchema),
  /** Where the groups come from: the charter import (its commit, when imported) and the history replay. */
  provenance: z.array(ProvenanceSchema),
});
/** The directory. */
export type GroupList = z.infer<typeof GroupListSchema>;

/** A current member with the date of their most recent `joined` event from history (null: unknown). */
export const MemberSchema = z.object({ person: PersonRefSchema, since: z.string().nullable() });
/** A current member. */
export type Member = z.infer<typeof MemberSchema>;

/** One entry of a timeline (group or person). */
export const TimelineEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(GROUP_EVENT_KINDS),
  group: z.object({ slug: z.string(), name: z.string() }),
  person: PersonRefSchema.nullable(),
  role: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  commitSha: z.string().nullable(),
  occurredAt: z.string(),
  source: z.enum(GROUP_EVENT_SOURCES),
});
/** One timeline entry. */
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** Everything the group page and `/api/groups/{slug}` show. */
export const GroupDetailSchema = z.object({
  slug: z.string(),
  name: z.string(),
  kind: GroupKindSchema,
  status: GroupStatusSchema,
  scope: z.string().nullable(),
  delegated: z.array(z.string()),
  boardActions: z.array(z.string()),
  roles: z.object({
    chairs: z.array(PersonRefSchema),
    coChairs: z.array(PersonRefSchema),
    boardLiaisons: z.array(PersonRefSchema),
    steeringCouncilLiaisons: z.array(PersonRefSchema),
    other: z.array(z.object({ title: z.string(), people: z.array(PersonRefSchema) })),
  }),
  size: z.number().int(),
  members: z.array(MemberSchema),
  /** Tentative holders, not counted in `size`, `members` or the roles above. */
  proposed: z.array(ProposedHolderSchema),
  alumni: z.array(AlumnusSchema),
  term: z.object({
    months: z.number().int().nullable(),
    window: z.object({ start: z.string(), end: z.string() }).nullable(),
  }),
  /** null: the charter does not state how new members are admitted. */
  membershipModel: MembershipModelSchema.nullable(),
  /** Under the `appointment` model, the roles whose holders appoint. */
  appointedBy: z.array(AppointingRoleSchema),
  /** The text fields below and `scope`, `delegated`, `boardActions`, `channels` keep links as `[text](url)`. */
  eligibility: z.string().nullable(),
  howToJoin: z.string().nullable(),
  removalRule: z.string().nullable(),
  meetingCadence: CadenceSchema.nullable(),
  reportingCadence: CadenceSchema.nullable(),
  channels: z.array(z.string()),
  budget: z.string().nullable(),
  health: z.array(HealthFlagSchema),
  sourcePath: z.string().nullable(),
  updatedAt: z.string(),
  source: CharterSourceSchema,
  /** Where the group's facts come from: the charter import (its commit, when imported) and the history replay. */
  provenance: z.array(ProvenanceSchema),
  links: z.object({
    page: z.string(),
    json: z.string(),
    timeline: z.string(),
    /** The charter as published in the DSF repository, when its path is known. */
    charter: z.string().nullable(),
    /** The stored charter written back as markdown. */
    export: z.string(),
  }),
});
/** A group in full. */
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

/** A group's timeline, oldest first. */
export const GroupTimelineSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string() }),
  events: z.array(TimelineEventSchema),
});
/** A group's timeline. */
export type GroupTimeline = z.infer<typeof GroupTimelineSchema>;

/** A role a person holds now, in one group. */
export const PersonRoleSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string(), kind: GroupKindSchema, status: GroupStatusSchema }),
  role: z.enum(CHARTER_ROLE_NAMES),
  title: z.string(),
});
/** A role a person holds now. */
export type PersonRole = z.infer<typeof PersonRoleSchema>;

/** Everything the person page and `/api/people/{id}` show. */
export const PersonDetailSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  handle: z.string().nullable(),
  aliases: z.array(z.string()),
  roles: z.array(PersonRoleSchema),
  timeline: z.array(TimelineEventSchema),
});
/** A person in full. */
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

/** One line of the people index. */
export const PersonSummarySchema = z.object({
  person: PersonRefSchema,
  groups: z.array(z.object({ slug: z.string(), name: z.string() })),
});
/** One line of the people index. */
export type PersonSummary = z.infer<typeof PersonSummarySchema>;
