import { z } from "zod";
import { CADENCES, GROUP_KINDS } from "../../platform/db/schema/closed-sets.ts";
import { GROUP_STATUSES } from "./statuses.ts";

/** A person named in a charter. Placeholders (TBC, TBD, "You?", todo, empty) are never people. */
export const PersonSchema = z.object({
  name: z.string().min(1),
  /** A handle given beside the name: GitHub `@user`, a forum or Discord username; null when none. */
  handle: z.string().nullable(),
  /**
   * True when the charter names the person tentatively ("Jane Doe?", "Jane Doe (tentative)"): a
   * proposed holder, not yet a holder. Absent otherwise, so stored charters without it still read.
   */
  tentative: z.literal(true).optional(),
});
/** A person named in a charter. */
export type Person = z.infer<typeof PersonSchema>;

/** Where the charter sits in the repository, which says where the group is in its lifecycle. */
export const GroupStatusSchema = z.enum(GROUP_STATUSES);
/** Lifecycle status of a group. */
export type GroupStatus = z.infer<typeof GroupStatusSchema>;

/** Working groups must have a Board Liaison; teams need not, and may have no chair. */
export const GroupKindSchema = z.enum(GROUP_KINDS);
/** Kind of group. */
export type GroupKind = z.infer<typeof GroupKindSchema>;

/**
 * How new members are admitted. The templates' three (direct: the group votes 50%+1;
 * board-managed; steering-council-managed) and what charters say besides: `invitation` (any
 * existing member's invitation admits, no vote), `consensus` (every other member must approve),
 * `appointment` (the holders of named roles, see `appointedBy`, decide), and `other` (labelled
 * "Membership model: other"). A charter that does not say is `null`, never a guess.
 */
export const MembershipModelSchema = z.enum([
  "direct",
  "invitation",
  "consensus",
  "appointment",
  "board-managed",
  "steering-council-managed",
  "other",
]);
/** Membership model of a group. */
export type MembershipModel = z.infer<typeof MembershipModelSchema>;

/** Group roles whose holders can appoint new members under the `appointment` model. */
export const AppointingRoleSchema = z.enum([
  "chair",
  "co-chair",
  "board-liaison",
  "steering-council-liaison",
]);
/** A group role whose holders can appoint new members. */
export type AppointingRole = z.infer<typeof AppointingRoleSchema>;

/** Normalised cadence of meetings or reports. */
export const CadenceSchema = z.enum(CADENCES);
/** Normalised cadence. */
export type Cadence = z.infer<typeof CadenceSchema>;

/** A fixed yearly term window such as 1 April - 31 March, as MM-DD strings. */
export const TermWindowSchema = z.object({
  start: z.string().regex(/^\d{2}-\d{2}$/),
  end: z.string().regex(/^\d{2}-\d{2}$/),
});

/** An area of work a charter delegates, with the partner groups named for it and its line in the charter. */
export const DelegatedAreaSchema = z.object({
  text: z.string().min(1),
  /** Groups named after "in collaboration with"; empty for an area the group handles on its own. */
  partners: z.array(z.string()),
  /** 1-based line of the charter file the area was read from (null when unknown). */
  line: z.number().int().positive().nullable(),
});
/** An area of work a charter delegates. */
export type DelegatedArea = z.infer<typeof DelegatedAreaSchema>;

/** A final check another group makes before something goes out, with its line in the charter. */
export const FinalCheckSchema = z.object({
  text: z.string().min(1),
  /** The group making the check, as the charter names it. */
  by: z.string().min(1),
  line: z.number().int().positive().nullable(),
});
/** A final check another group makes. */
export type FinalCheck = z.infer<typeof FinalCheckSchema>;

/** Delegated areas split into autonomous and collaborative ones, and final checks by other groups. */
export const DelegationSchema = z.object({
  autonomous: z.array(DelegatedAreaSchema),
  collaborative: z.array(DelegatedAreaSchema),
  finalChecks: z.array(FinalCheckSchema),
});
/** Delegated areas split into autonomous and collaborative ones, and final checks. */
export type Delegation = z.infer<typeof DelegationSchema>;

/** The structured form of one charter file. */
export const ParsedCharterSchema = z.object({
  slug: z.string().min(1),
  name: z.string().min(1),
  kind: GroupKindSchema,
  status: GroupStatusSchema,
  /** Scope of responsibilities as plain text (for display); null when absent. */
  scope: z.string().nullable(),
  roles: z.object({
    chair: z.array(PersonSchema),
    coChair: z.array(PersonSchema),
    boardLiaison: z.array(PersonSchema),
    steeringCouncilLiaison: z.array(PersonSchema),
    /** Titled roles such as "Designated Line Manager" or a liaison to another group. */
    other: z.array(z.object({ title: z.string().min(1), people: z.array(PersonSchema) })),
  }),
  /** Everyone named in the membership section, role holders included, once each, in order. */
  members: z.array(PersonSchema),
  alumni: z.array(PersonSchema),
  /** Term length in months, or null when the charter sets none. */
  termMonths: z.number().int().positive().nullable(),
  /** A fixed yearly window (fellowship: 04-01 to 03-31), or null. */
  termWindow: TermWindowSchema.nullable(),
  membershipModel: MembershipModelSchema.nullable(),
  /** Under `appointment`: the roles whose holders appoint (any one of them decides); empty otherwise. */
  appointedBy: z.array(AppointingRoleSchema).default([]),
  removalRule: z.string().nullable(),
  eligibility: z.string().nullable(),
  howToJoin: z.string().nullable(),
  budget: z.string().nullable(),
  channels: z.array(z.string()),
  meetingCadence: CadenceSchema.nullable(),
  reportingCadence: CadenceSchema.nullable(),
  /** Powers delegated / actions the group may take directly. */
  delegated: z.array(z.string()),
  /** Actions taken back to the Board (or Steering Council) for a vote. */
  boardActions: z.array(z.string()),
  /**
   * The delegated areas split by who the group works with, and final checks by other groups (a
   * charter stored before this was read has none).
   */
  delegation: DelegationSchema.default({ autonomous: [], collaborative: [], finalChecks: [] }),
  /**
   * Template fields that are absent or not filled in, as stable keys in this order: name (no title
   * heading), scope, chair, coChair, boardLiaison (working groups only), members, eligibility,
   * howToJoin, membershipModel, budget, channels, meetingCadence, reportingCadence.
   */
  missing: z.array(z.string()),
  /** Oddities found while reading, e.g. "line 12: could not read a person from ...". */
  warnings: z.array(z.string()),
});
/** The structured form of one charter file. */
export type ParsedCharter = z.infer<typeof ParsedCharterSchema>;

/** A charter with identity only: no roles, people or arrangements (for unreadable files and tests). */
export function blankCharter(
  identity: Pick<ParsedCharter, "slug" | "name" | "kind" | "status">,
): ParsedCharter {
  return {
    ...identity,
    scope: null,
    roles: { chair: [], coChair: [], boardLiaison: [], steeringCouncilLiaison: [], other: [] },
    members: [],
    alumni: [],
    termMonths: null,
    termWindow: null,
    membershipModel: null,
    appointedBy: [],
    removalRule: null,
    eligibility: null,
    howToJoin: null,
    budget: null,
    channels: [],
    meetingCadence: null,
    reportingCadence: null,
    delegated: [],
    boardActions: [],
    delegation: { autonomous: [], collaborative: [], finalChecks: [] },
    missing: [],
    warnings: [],
  };
}

/**
 * The charter's data without what describes its source file rather than the charter: warnings and
 * the line numbers of delegated areas. An export read back gives the same value.
 */
export function charterData(c: ParsedCharter): Omit<ParsedCharter, "warnings"> {
  const { warnings: _w, ...rest } = c;
  const noLine = <T extends { line: number | null }>(x: T): T => ({ ...x, line: null });
  return {
    ...rest,
    delegation: {
      autonomous: rest.delegation.autonomous.map(noLine),
      collaborative: rest.delegation.collaborative.map(noLine),
      finalChecks: rest.delegation.finalChecks.map(noLine),
    },
  };
}
