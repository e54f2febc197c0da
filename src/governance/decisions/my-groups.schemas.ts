/** The JSON form of "My groups" (`GET /api/me`), as published in /api/openapi.json. */
import { z } from "zod";

const GroupRef = z.object({ id: z.number().int(), slug: z.string(), name: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Instant = z.iso.datetime({ offset: true });

/** A role the viewer holds today, with its term and renewal window. */
export const MyMembershipSchema = z.object({
  group: GroupRef,
  role: z.string(),
  title: z.string(),
  /** Where the role comes from: a decision (role period), the current charter, or a foundation role (ex officio). */
  source: z.enum(["period", "charter", "ex-officio"]),
  /** First day held; null when only the charter names the role (it records no date). */
  since: Day.nullable(),
  term: z.object({
    /** The day the term ends (exclusive); null when none is known. */
    endsOn: Day.nullable(),
    /** Why no end is known, in words; null when it is. */
    unknownBecause: z.string().nullable(),
    /** The role period to renew (POST /api/role-periods/{id}/renew); null when nothing can be renewed. */
    rolePeriodId: z.number().int().nullable(),
    renewal: z
      .object({
        opensOn: Day,
        /** True today: the member may opt in to another term. */
        open: z.boolean(),
      })
      .nullable(),
  }),
});

/** One of the viewer's applications. */
export const MyApplicationSchema = z.object({
  id: z.number().int(),
  group: GroupRef,
  createdAt: Instant,
  decidedAt: Instant.nullable(),
  status: z.enum(["pending", "voting", "accepted", "rejected", "withdrawn"]),
  label: z.string(),
  next: z.string(),
  open: z.boolean(),
  vote: z
    .object({
      id: z.number().int(),
      status: z.enum(["open", "closed"]),
      closesAt: Instant,
      outcome: z.enum(["passed", "failed"]).nullable(),
    })
    .nullable(),
});

/** An open vote in which the viewer is in the electorate. */
export const MyVoteSchema = z.object({
  id: z.number().int(),
  group: GroupRef,
  title: z.string(),
  closesAt: Instant,
  /** True until the viewer has cast a ballot. */
  awaitingYourBallot: z.boolean(),
});

/** An application waiting in a group where the viewer handles applications (chairs, or members who admit). */
export const WaitingApplicationSchema = z.object({
  id: z.number().int(),
  group: GroupRef,
  person: z.object({ id: z.number().int(), name: z.string() }),
  status: z.string(),
  createdAt: Instant,
});

/** One thing that needs the viewer, with where to do it. */
export const NeedSchema = z.object({
  kind: z.enum(["cast-ballot", "renew-term", "decide-application", "reassign-items", "write-handover-note"]),
  text: z.string(),
  href: z.string(),
});

/** "My groups": the viewer's memberships, votes, applications and what needs them. */
export const MyGroupsSchema = z.object({
  on: Day,
  person: z.object({ id: z.number().int(), name: z.string(), public: z.boolean() }).nullable(),
  memberships: z.array(MyMembershipSchema),
  votes: z.array(MyVoteSchema),
  applications: z.array(MyApplicationSchema),
  waitingApplications: z.array(WaitingApplicationSchema),
  needs: z.array(NeedSchema),
});

/** The "My groups" overview. */
export type MyGroups = z.infer<typeof MyGroupsSchema>;
