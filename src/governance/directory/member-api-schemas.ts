/**
 * Request and response schemas of the signed-in JSON API (membership decisions and accounts), as
 * published in /api/openapi.json (the routes declare them as their responses).
 */
import { z } from "zod";

const GroupRef = z.object({ id: z.number().int(), slug: z.string(), name: z.string() });
const PersonName = z.object({ id: z.number().int(), name: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Instant = z.iso.datetime({ offset: true });

/** A vote as the API shows it; a secret vote never carries who voted how. */
export const VoteViewSchema = z.object({
  id: z.number().int(),
  group: GroupRef,
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  subject: PersonName.nullable(),
  applicationId: z.number().int().nullable(),
  body: z.string(),
  secrecy: z.enum(["open", "secret"]),
  /** electorate / cast: 50%+1 of it; consensus: every voter in the electorate must vote yes. */
  baseRule: z.enum(["electorate", "cast", "consensus"]),
  electorateSize: z.number().int(),
  openedAt: Instant,
  closesAt: Instant,
  /** The latest the vote may close, extensions included (its opening plus the group's longest vote). */
  latestClosesAt: Instant,
  status: z.enum(["open", "closed"]),
  cast: z.number().int(),
  counts: z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() }).nullable(),
  needed: z.number().int().nullable(),
  outcome: z.enum(["passed", "failed"]).nullable(),
  closeReason: z.string().nullable(),
  closedAt: Instant.nullable(),
  ballots: z.array(z.object({ personId: z.number().int(), name: z.string(), choice: z.string() })).nullable(),
  voters: z.array(z.object({ personId: z.number().int(), name: z.string() })),
  extensions: z.array(z.object({ from: Instant, to: Instant, reason: z.string(), at: Instant })),
  viewerMayVote: z.boolean(),
});

/** An application to join a group. */
export const ApplicationViewSchema = z.object({
  id: z.number().int(),
  group: GroupRef,
  person: PersonName,
  statement: z.string(),
  skills: z.string(),
  timeCommitment: z.string(),
  status: z.string(),
  createdAt: Instant,
  decidedAt: Instant.nullable(),
  voteId: z.number().int().nullable(),
});

/** A term ending soon. */
const LapsingTermSchema = z.object({
  rolePeriodId: z.number().int(),
  group: GroupRef,
  person: PersonName,
  role: z.string(),
  termEndsOn: Day,
});

/** A Board Liaison gap. */
const LiaisonProblemSchema = z.object({
  group: GroupRef.extend({ kind: z.string() }),
  kind: z.enum(["no-liaison", "off-board", "ending-soon"]),
  liaison: PersonName.nullable(),
  boardTermEndsOn: Day.nullable(),
  planned: z.object({ person: PersonName, startedOn: Day }).nullable(),
  message: z.string(),
  owned: z
    .object({
      openItems: z.number().int().describe("Open items the liaison owns in the group today."),
      handover: z
        .object({ id: z.number().int(), needingOwner: z.number().int() })
        .nullable()
        .describe("The liaison's hand-over there (/handovers/{id}), once their role there ended."),
    })
    .nullable()
    .describe("What the liaison owns in the group; null without a liaison."),
});

/** One audit log entry. */
const AuditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: Instant,
  actor: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  cause: z.string(),
});

const TokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: Instant,
  expiresAt: Instant,
  revokedAt: Instant.nullable(),
  lastUsedAt: Instant.nullable(),
});

const UserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  githubLogin: z.string().nullable(),
  personId: z.number().int().nullable(),
});

/** A foundation role period with its holder (an account, a charter person), as administrators see it. */
const FoundationRoleViewSchema = z.object({
  id: z.number().int(),
  role: z.string(),
  label: z.string(),
  startedOn: Day,
  endedOn: Day.nullable(),
  termEndsOn: Day.nullable(),
  reason: z.string(),
  decisionRef: z.string().nullable(),
  current: z.boolean(),
  createdAt: Instant,
  user: z.object({ id: z.number().int(), name: z.string(), email: z.string().nullable() }).nullable(),
  person: z.object({ id: z.number().int(), name: z.string(), slug: z.string() }).nullable(),
});

/** A vote's electorate: who may vote, why, who cannot for want of an account, and what that does. */
const ElectorateSchema = z.object({
  voteId: z.number().int(),
  rolesOn: Day,
  members: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      slug: z.string(),
      roles: z.array(z.string()),
      hasAccount: z.boolean(),
    }),
  ),
  warning: z.object({ withoutAccount: z.number().int(), canPass: z.boolean(), text: z.string() }),
});

/** Response bodies of the signed-in API, by name (published under components.schemas). */
export const MEMBER_API_SCHEMAS = {
  VoteResponse: z.object({ vote: VoteViewSchema }),
  VoteElectorate: z.object({ electorate: ElectorateSchema }),
  VoteOpenedWithElectorate: z.object({ vote: VoteViewSchema, electorate: ElectorateSchema }),
  BoardLiaisonRecorded: z.object({
    liaison: z.object({
      groupId: z.number().int(),
      personId: z.number().int(),
      rolePeriodId: z.number().int(),
      startedOn: Day,
      ended: z.array(z.object({ personId: z.number().int(), rolePeriodId: z.number().int() })),
    }),
  }),
  PeopleSuggestions: z.object({
    suggestions: z.array(
      z.object({
        value: z.string(),
        label: z.string(),
        person: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
      }),
    ),
  }),
  VoteList: z.object({ votes: z.array(VoteViewSchema) }),
  BallotResult: z.object({
    result: z.object({
      voteId: z.number().int(),
      closed: z.boolean(),
      outcome: z.enum(["passed", "failed"]).nullable(),
    }),
  }),
  VoteExtended: z.object({ vote: z.object({ id: z.number().int(), closesAt: Instant }) }),
  VoteClosed: z.object({
    vote: z.object({ id: z.number().int(), status: z.string(), outcome: z.string().nullable() }),
  }),
  VoteOpened: z.object({ vote: z.object({ id: z.number().int(), body: z.string(), closesAt: Instant }) }),
  MemberAdmitted: z.object({
    admission: z.object({
      groupId: z.number().int(),
      personId: z.number().int(),
      rolePeriodId: z.number().int(),
      decisionRef: z.string(),
      applicationId: z.number().int().nullable(),
    }),
  }),
  ApplicationReceived: z.object({
    application: z.object({
      applicationId: z.number().int(),
      status: z.literal("pending"),
      nextMeeting: z.object({ on: Day.nullable(), text: z.string() }),
      decidedBy: z.string(),
    }),
  }),
  ApplicationList: z.object({ applications: z.array(ApplicationViewSchema) }),
  LeftGroup: z.object({ ended: z.number().int() }),
  TermRenewed: z.object({ rolePeriod: z.object({ id: z.number().int(), termEndsOn: Day.nullable() }) }),
  DecisionSettings: z.object({
    settings: z.object({
      baseRule: z.enum(["electorate", "cast"]),
      secrecy: z.enum(["open", "secret"]),
      nextMeetingOn: Day.nullable(),
      maxVoteDays: z.number().int(),
    }),
  }),
  AuditLog: z.object({ entries: z.array(AuditEntrySchema) }),
  BoardOverview: z.object({
    day: Day,
    openVotes: z.array(VoteViewSchema),
    openApplications: z.array(ApplicationViewSchema),
    lapsingTerms: z.array(LapsingTermSchema),
    liaisonProblems: z.array(LiaisonProblemSchema),
  }),
  Account: z.object({
    user: UserSchema,
    foundationRoles: z.array(
      z.object({
        id: z.number().int(),
        role: z.string(),
        startedOn: Day,
        endedOn: Day.nullable(),
        termEndsOn: Day.nullable(),
        reason: z.string(),
        decisionRef: z.string().nullable(),
      }),
    ),
    person: z.object({ id: z.number().int(), name: z.string(), slug: z.string() }).nullable(),
    claims: z.array(
      z.object({
        id: z.number().int(),
        status: z.string(),
        person: z.object({ id: z.number().int(), name: z.string(), slug: z.string() }),
        createdAt: Instant,
      }),
    ),
    tokens: z.array(TokenSchema),
  }),
  AccountUser: z.object({ user: UserSchema }),
  TokenList: z.object({ tokens: z.array(TokenSchema) }),
  Token: TokenSchema,
  TokenCreated: TokenSchema.extend({ token: z.string() }),
  ClaimFiled: z.object({ id: z.number().int(), status: z.string(), personId: z.number().int() }),
  ClaimDecided: z.object({
    id: z.number().int(),
    status: z.string(),
    personId: z.number().int(),
    userId: z.number().int(),
  }),
  PendingClaims: z.object({
    claims: z.array(
      z.object({
        id: z.number().int(),
        note: z.string(),
        createdAt: Instant,
        user: z.object({
          id: z.number().int(),
          name: z.string(),
          email: z.string().nullable(),
          githubLogin: z.string().nullable(),
        }),
        person: z.object({
          id: z.number().int(),
          name: z.string(),
          slug: z.string(),
          handle: z.string().nullable(),
        }),
      }),
    ),
  }),
  FoundationRole: FoundationRoleViewSchema,
  FoundationRoleList: z.object({ on: Day, foundationRoles: z.array(FoundationRoleViewSchema) }),
  GroupPermissions: z.object({
    group: z.string(),
    membershipModel: z.string().nullable(),
    on: Day,
    permissions: z.record(z.string(), z.boolean()),
  }),
} as const;
