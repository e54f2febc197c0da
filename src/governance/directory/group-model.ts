/** Assembles the directory's plain objects from repository rows; shared by the operations. */
import type { Provenance } from "../../platform/view/provenance.tsx";
import { type ParsedCharter, ParsedCharterSchema } from "../charter/types.ts";
import { GROUP_ROLES } from "../policy/group-roles.ts";
import type { EventRow, GroupWithCharterRow, RoleRow } from "./directory.repo.ts";
import { computeHealthFlags, type HealthConfig, type HealthFlag } from "./health.ts";
import {
  type Alumnus,
  type GroupDetail,
  type GroupSummary,
  type Member,
  type PersonRef,
  type ProposedHolder,
  type TimelineEvent,
  TimelineEventSchema,
} from "./schemas.ts";

/** Order of the directory's sections. */
export const STATUS_ORDER = ["active", "draft", "proposed", "archived", "unknown"] as const;
/** A status the directory knows. */
export type KnownStatus = (typeof STATUS_ORDER)[number];

/**
 * Every current role makes someone a member: the charter's membership section names everyone,
 * role holders included, and liaisons have the same rights as members. Only alumni are not.
 */
const MEMBER_ROLES = new Set<string>(GROUP_ROLES);

const EVENT_KINDS = new Set<TimelineEvent["kind"]>(TimelineEventSchema.shape.kind.options);

/** The stored status, or "unknown" when it is not one the directory knows. */
export function asStatus(value: string): KnownStatus {
  return (STATUS_ORDER as readonly string[]).includes(value) ? (value as KnownStatus) : "unknown";
}

/** The stored kind; anything other than "team" is treated as a working group (the stricter rules). */
export function asKind(value: string): "working-group" | "team" {
  return value === "team" ? "team" : "working-group";
}

/** A person link from a role or event row. */
export function personRef(row: {
  personId: number;
  personSlug: string;
  personName: string;
  personHandle: string | null;
}): PersonRef {
  return { id: row.personId, slug: row.personSlug, name: row.personName, handle: row.personHandle };
}

/** The current roles of one group, sorted into the shape pages and the API show. */
export interface GroupRoles {
  chairs: PersonRef[];
  coChairs: PersonRef[];
  boardLiaisons: PersonRef[];
  steeringCouncilLiaisons: PersonRef[];
  other: Array<{ title: string; people: PersonRef[] }>;
  /** Distinct current members in charter order. */
  members: PersonRef[];
  alumni: PersonRef[];
}

/** Sorts one group's role rows (already in position order) into roles, members and alumni. */
export function groupRoles(rows: readonly RoleRow[]): GroupRoles {
  const out: GroupRoles = {
    chairs: [],
    coChairs: [],
    boardLiaisons: [],
    steeringCouncilLiaisons: [],
    other: [],
    members: [],
    alumni: [],
  };
  const memberIds = new Set<number>();
  const alumniIds = new Set<number>();
  for (const row of rows) {
    const ref = personRef(row);
    if (row.role === "chair") out.chairs.push(ref);
    else if (row.role === "co-chair") out.coChairs.push(ref);
    else if (row.role === "board-liaison") out.boardLiaisons.push(ref);
    else if (row.role === "steering-council-liaison") out.steeringCouncilLiaisons.push(ref);
    else if (row.role === "other") {
      const title = row.title || "Other role";
      const existing = out.other.find((o) => o.title === title);
      if (existing) existing.people.push(ref);
      else out.other.push({ title, people: [ref] });
    } else if (row.role === "alumnus" && !alumniIds.has(row.personId)) {
      alumniIds.add(row.personId);
      out.alumni.push(ref);
    }
    if (MEMBER_ROLES.has(row.role) && !memberIds.has(row.personId)) {
      memberIds.add(row.personId);
      out.members.push(ref);
    }
  }
  // Someone who is back in the group is a member, not an alumnus.
  out.alumni = out.alumni.filter((a) => !memberIds.has(a.id));
  return out;
}

/** `charter.missing` as a list of strings, whatever was stored. */
export function missingFields(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Health flags of a group from its kind, status, roles and missing charter fields. */
export function healthOf(
  group: { kind: string; status: string },
  roles: GroupRoles,
  missing: readonly string[],
  config: HealthConfig,
): HealthFlag[] {
  return computeHealthFlags(
    {
      kind: asKind(group.kind),
      status: group.status,
      memberCount: roles.members.length,
      chairCount: roles.chairs.length,
      coChairCount: roles.coChairs.length,
      boardLiaisonCount: roles.boardLiaisons.length,
      missingFields: missing,
    },
    config,
  );
}

/** A directory line. */
export function summarise(
  group: { slug: string; name: string; kind: string; status: string; missing: unknown },
  roles: GroupRoles,
  config: HealthConfig,
): GroupSummary {
  return {
    slug: group.slug,
    name: group.name,
    kind: asKind(group.kind),
    status: asStatus(group.status),
    size: roles.members.length,
    chairs: roles.chairs,
    coChairs: roles.coChairs,
    health: healthOf(group, roles, missingFields(group.missing), config),
  };
}

/** A timeline entry from an event row. */
export function timelineEvent(row: EventRow): TimelineEvent {
  const detail =
    row.detail !== null && typeof row.detail === "object" && !Array.isArray(row.detail)
      ? (row.detail as Record<string, unknown>)
      : {};
  const kind = EVENT_KINDS.has(row.kind as TimelineEvent["kind"])
    ? (row.kind as TimelineEvent["kind"])
    : "status-changed";
  return {
    id: row.id,
    kind,
    group: { slug: row.groupSlug, name: row.groupName },
    person:
      row.personId !== null && row.personSlug !== null && row.personName !== null
        ? { id: row.personId, slug: row.personSlug, name: row.personName, handle: row.personHandle }
        : null,
    role: row.role,
    detail,
    commitSha: row.commitSha,
    occurredAt: row.occurredAt.toISOString(),
    source: row.source === "history" ? "history" : "import",
  };
}

/**
 * "Member since" per person: the most recent `joined` event replayed from history. Import events
 * carry the import time, not the join date, so they do not count.
 */
export function memberSince(events: readonly EventRow[]): Map<number, Date> {
  const since = new Map<number, Date>();
  for (const e of events) {
    if (e.kind !== "joined" || e.source !== "history" || e.personId === null) continue;
    const prev = since.get(e.personId);
    if (!prev || e.occurredAt > prev) since.set(e.personId, e.occurredAt);
  }
  return since;
}

/** The stored charter, read leniently: fields that do not validate are left out. */
export function storedCharter(value: unknown): Partial<ParsedCharter> {
  const full = ParsedCharterSchema.safeParse(value);
  if (full.success) return full.data;
  if (value === null || typeof value !== "object") return {};
  const out: Record<string, unknown> = {};
  const shape = ParsedCharterSchema.shape;
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse((value as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<ParsedCharter>;
}

/** The public URL of a charter in the DSF repository, from its path there. */
export function charterUrl(sourcePath: string | null): string | null {
  if (!sourcePath) return null;
  const clean = sourcePath.replace(/^\.?\/+/, "");
  if (!/^[\w./-]+\.md$/.test(clean) || clean.includes("..")) return null;
  return `https://github.com/django/dsf-working-groups/blob/main/${clean}`;
}

/** "2026-04-27" of a Date (UTC). */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Former members: the charter's alumni list, people whose role periods all ended, and people the
 * replayed history shows leaving (a commit removed them and no later commit brought them back),
 * each once, with the day they left and the commit when known. Current members are never alumni.
 * Charter alumni come first in charter order, then the others by the day they left.
 */
export function alumniOf(
  roles: GroupRoles,
  roleRows: readonly RoleRow[],
  events: readonly EventRow[],
): Alumnus[] {
  const current = new Set(roles.members.map((m) => m.id));
  // The history's last word on each person: their most recent join or leave.
  const last = new Map<number, EventRow>();
  for (const e of events) {
    if (e.source !== "history" || e.personId === null || (e.kind !== "joined" && e.kind !== "left")) continue;
    const prev = last.get(e.personId);
    if (!prev || e.occurredAt >= prev.occurredAt) last.set(e.personId, e);
  }
  const leftByHistory = (id: number) => {
    const e = last.get(id);
    return e?.kind === "left" ? e : undefined;
  };
  const out: Alumnus[] = [];
  const seen = new Set<number>();
  const add = (person: PersonRef, inCharter: boolean, periodEnd: string | null) => {
    if (current.has(person.id) || seen.has(person.id)) return;
    seen.add(person.id);
    const left = leftByHistory(person.id);
    const historyDay = left ? isoDay(left.occurredAt) : null;
    // The later of the two is when they last left.
    const useHistory = historyDay !== null && (periodEnd === null || historyDay > periodEnd);
    out.push({
      ...person,
      leftOn: useHistory ? historyDay : periodEnd,
      commitSha: useHistory ? (left?.commitSha ?? null) : null,
      inCharter,
    });
  };
  const charterAlumni = new Set(
    roleRows.filter((r) => r.role === "alumnus" && r.source === "charter").map((r) => r.personId),
  );
  for (const r of roleRows) {
    if (r.role === "alumnus") add(personRef(r), charterAlumni.has(r.personId), r.leftOn);
  }
  for (const e of last.values()) {
    if (e.kind === "left" && e.personId !== null && e.personSlug !== null && e.personName !== null) {
      add({ id: e.personId, slug: e.personSlug, name: e.personName, handle: e.personHandle }, false, null);
    }
  }
  const listed = out.filter((a) => a.inCharter);
  const others = out
    .filter((a) => !a.inCharter)
    .sort((a, b) => (a.leftOn ?? "9999").localeCompare(b.leftOn ?? "9999") || a.name.localeCompare(b.name));
  return [...listed, ...others];
}

/** Tentative holders as the API shows them. */
export function proposedHolders(
  rows: ReadonlyArray<{ role: string; title: string; person: PersonRef }>,
): ProposedHolder[] {
  return rows.flatMap((r) =>
    MEMBER_ROLES.has(r.role)
      ? [{ role: r.role as ProposedHolder["role"], title: r.title, person: { ...r.person } }]
      : [],
  );
}

/** A group in full from its row, role rows and event rows. */
export function groupDetail(
  row: GroupWithCharterRow,
  roleRows: readonly RoleRow[],
  events: readonly EventRow[],
  config: HealthConfig,
  /** Where the group's facts come from (the import's commit, the history replay). */
  provenance: Provenance[],
  proposed: readonly ProposedHolder[] = [],
): GroupDetail {
  const charter = storedCharter(row.charter);
  const roles = groupRoles(roleRows);
  const since = memberSince(events);
  // Member since: the start of the current role period when there is one, else the history join date.
  const periodSince = new Map<number, string>();
  for (const r of roleRows) {
    if (r.role === "alumnus" || r.since === null) continue;
    const prev = periodSince.get(r.personId);
    if (!prev || r.since < prev) periodSince.set(r.personId, r.since);
  }
  const members: Member[] = roles.members.map((person) => {
    const started = periodSince.get(person.id);
    if (started) return { person, since: new Date(`${started}T00:00:00Z`).toISOString() };
    const date = since.get(person.id);
    return { person, since: date ? date.toISOString() : null };
  });
  const slug = encodeURIComponent(row.slug);
  return {
    slug: row.slug,
    name: row.name,
    kind: asKind(row.kind),
    status: asStatus(row.status),
    scope: charter.scope ?? null,
    delegated: charter.delegated ?? [],
    boardActions: charter.boardActions ?? [],
    roles: {
      chairs: roles.chairs,
      coChairs: roles.coChairs,
      boardLiaisons: roles.boardLiaisons,
      steeringCouncilLiaisons: roles.steeringCouncilLiaisons,
      other: roles.other,
    },
    size: roles.members.length,
    members,
    proposed: [...proposed],
    alumni: alumniOf(roles, roleRows, events),
    term: { months: charter.termMonths ?? null, window: charter.termWindow ?? null },
    membershipModel: charter.membershipModel ?? null,
    appointedBy: charter.appointedBy ?? [],
    eligibility: charter.eligibility ?? null,
    howToJoin: charter.howToJoin ?? null,
    removalRule: charter.removalRule ?? null,
    meetingCadence: charter.meetingCadence ?? null,
    reportingCadence: charter.reportingCadence ?? null,
    channels: charter.channels ?? [],
    budget: charter.budget ?? null,
    health: healthOf(row, roles, charter.missing ?? [], config),
    sourcePath: row.sourcePath,
    updatedAt: row.updatedAt.toISOString(),
    source: {
      path: row.sourcePath,
      commitSha: row.sourceCommit,
      committedAt: row.sourceCommittedAt ? row.sourceCommittedAt.toISOString() : null,
      storedAt: row.updatedAt.toISOString(),
    },
    provenance,
    links: {
      page: `/groups/${slug}`,
      json: `/api/groups/${slug}`,
      timeline: `/api/groups/${slug}/timeline`,
      charter: charterUrl(row.sourcePath),
      export: `/groups/${slug}/charter.md`,
    },
  };
}
