/**
 * The one definition of who holds which role in a group. Pure: imports nothing from platform/.
 *
 * Role periods are the record of decisions (votes, renewals, lapses, leaving). The current
 * charter's roles count for a person in a group only while no role period exists for that person
 * in that group; once one does, the periods alone say what the person holds. A person whose
 * periods in a group have all ended is a former member (shown with the charter's alumni).
 */
import { holdsOn } from "../../kernel/rules.ts";

/** A role the current charter names (`group_roles`). */
export interface CharterRoleSource<P> {
  groupId: number;
  personId: number;
  role: string;
  title: string;
  /** Order in the charter. */
  position: number;
  /** Named tentatively ("Jane Doe?"): proposed for the role, holding nothing; left out of every rule here. */
  tentative?: boolean;
  person: P;
}

/** A dated role period (`role_periods`): held on day D when startedOn <= D and (endedOn null or D < endedOn). */
export interface RolePeriodSource<P> {
  groupId: number;
  personId: number;
  role: string;
  title: string;
  startedOn: string;
  endedOn: string | null;
  person: P;
}

/**
 * A group role held ex officio while a foundation role runs (the DSF President in the Code of
 * Conduct WG, Fellows in mergers and releasers), dated as that foundation role.
 */
export interface ExOfficioSource<P> {
  groupId: number;
  personId: number;
  role: string;
  startedOn: string;
  endedOn: string | null;
  person: P;
}

/** Where a role comes from. */
export type RoleSource = "charter" | "period" | "ex-officio";

/** A role that counts, undated when it comes from the charter. */
export interface EffectiveRole<P> {
  groupId: number;
  personId: number;
  role: string;
  title: string;
  position: number;
  /** Start of the role period (or of the foundation role), or null for a charter role. */
  startedOn: string | null;
  endedOn: string | null;
  source: RoleSource;
  person: P;
}

/** A role held on a day; role "alumnus" for charter alumni and for people whose periods all ended. */
export interface HeldRole<P> {
  groupId: number;
  personId: number;
  role: string;
  title: string;
  position: number;
  /** Start of the current role period, or null when the role comes from the charter. */
  since: string | null;
  /** For an alumnus whose role periods ended: the day the last one ended; null otherwise. */
  leftOn?: string | null;
  source: RoleSource;
  person: P;
}

/** Where a person with no charter position is placed: after the charter's people, by start date. */
const AFTER_CHARTER = 1_000_000;

/** Orders YYYY-MM-DD days (null first) without locale rules. */
const compareDays = (a: string | null, b: string | null): number => {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
};

const pairKey = (groupId: number, personId: number) => `${groupId}:${personId}`;

/** True when a period is held on `day` (the kernel's one dated-role rule). */
export function periodHeldOn(period: { startedOn: string; endedOn: string | null }, day: string): boolean {
  return holdsOn(period, day);
}

/**
 * Every role that counts, dated: all role periods, plus the charter's roles of each (group,
 * person) pair that has no role period, plus ex officio roles (which neither replace nor are
 * replaced by the others). Charter alumni are left out (they hold nothing).
 */
export function effectiveRoles<P>(input: {
  charterRoles: readonly CharterRoleSource<P>[];
  periods: readonly RolePeriodSource<P>[];
  exOfficio?: readonly ExOfficioSource<P>[];
}): EffectiveRole<P>[] {
  const withPeriods = new Set(input.periods.map((p) => pairKey(p.groupId, p.personId)));
  const charterPosition = new Map<string, number>();
  const charterRoles = input.charterRoles.filter((r) => !r.tentative);
  for (const r of charterRoles) {
    const key = pairKey(r.groupId, r.personId);
    const prev = charterPosition.get(key);
    if (prev === undefined || r.position < prev) charterPosition.set(key, r.position);
  }
  const out: EffectiveRole<P>[] = [];
  for (const r of charterRoles) {
    if (r.role === "alumnus" || withPeriods.has(pairKey(r.groupId, r.personId))) continue;
    const { tentative: _t, ...role } = r;
    out.push({ ...role, startedOn: null, endedOn: null, source: "charter" });
  }
  for (const p of input.periods) {
    out.push({
      ...p,
      position: charterPosition.get(pairKey(p.groupId, p.personId)) ?? AFTER_CHARTER,
      source: "period",
    });
  }
  for (const x of input.exOfficio ?? []) {
    out.push({
      ...x,
      title: "",
      position: charterPosition.get(pairKey(x.groupId, x.personId)) ?? AFTER_CHARTER,
      source: "ex-officio",
    });
  }
  return out;
}

/**
 * Roles held on `day`, in display order (charter order, then people known only from periods by
 * start date), with alumni: the charter's alumni who hold nothing, and people whose periods in
 * the group have all ended.
 */
export function currentMembership<P>(input: {
  charterRoles: readonly CharterRoleSource<P>[];
  periods: readonly RolePeriodSource<P>[];
  exOfficio?: readonly ExOfficioSource<P>[];
  day: string;
}): HeldRole<P>[] {
  const { day } = input;
  const held: HeldRole<P>[] = [];
  const holding = new Set<string>();
  for (const r of effectiveRoles(input)) {
    if (
      r.source !== "charter" &&
      (r.startedOn === null || !periodHeldOn({ ...r, startedOn: r.startedOn }, day))
    )
      continue;
    holding.add(pairKey(r.groupId, r.personId));
    held.push({
      groupId: r.groupId,
      personId: r.personId,
      role: r.role,
      title: r.title,
      position: r.position,
      since: r.startedOn,
      source: r.source,
      person: r.person,
    });
  }
  const alumni = new Set<string>();
  const lastEnd = new Map<string, string>();
  for (const p of input.periods) {
    if (p.endedOn === null || p.endedOn > day) continue;
    const key = pairKey(p.groupId, p.personId);
    const prev = lastEnd.get(key);
    if (prev === undefined || p.endedOn > prev) lastEnd.set(key, p.endedOn);
  }
  const addAlumnus = (
    r: { groupId: number; personId: number; person: P },
    position: number,
    source: HeldRole<P>["source"],
  ) => {
    const key = pairKey(r.groupId, r.personId);
    if (holding.has(key) || alumni.has(key)) return;
    alumni.add(key);
    held.push({
      groupId: r.groupId,
      personId: r.personId,
      person: r.person,
      role: "alumnus",
      title: "",
      position,
      since: null,
      leftOn: lastEnd.get(key) ?? null,
      source,
    });
  };
  for (const r of input.charterRoles) {
    if (r.role === "alumnus" && !r.tentative) addAlumnus(r, r.position, "charter");
  }
  for (const p of input.periods) {
    if (p.endedOn !== null && p.endedOn <= day) addAlumnus(p, 2 * AFTER_CHARTER, "period");
  }
  // Stable: same position keeps the order above; people known only from periods by start date.
  return held
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        a.r.groupId - b.r.groupId ||
        a.r.position - b.r.position ||
        compareDays(a.r.since, b.r.since) ||
        a.r.personId - b.r.personId ||
        a.i - b.i,
    )
    .map((x) => x.r);
}
