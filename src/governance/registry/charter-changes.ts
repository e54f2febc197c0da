/**
 * What changed between two versions of a group's charter: lifecycle (proposed, activated,
 * archived, renamed) and people (joined, left, changed role). Pure: imports nothing from platform/.
 * Used by both the snapshot import and the history replay, so both tell the same story.
 */
import type { GroupStatus, ParsedCharter, Person } from "../charter/types.ts";

/** A role stored in group_roles; "other" carries a title ("Designated Line Manager"). */
export type RoleName =
  | "chair"
  | "co-chair"
  | "board-liaison"
  | "steering-council-liaison"
  | "member"
  | "alumnus"
  | "other";

/** One person holding one role in a charter, in charter order. */
export interface RoleEntry {
  person: Person;
  role: RoleName;
  /** Title of an "other" role; empty string otherwise. */
  title: string;
  position: number;
  /** Named tentatively ("Jane Doe?"): proposed for the role, not holding it. */
  tentative: boolean;
}

/** Order in which a person's main role is chosen when they hold several. */
const ROLE_RANK: Record<RoleName, number> = {
  chair: 0,
  "co-chair": 1,
  "board-liaison": 2,
  "steering-council-liaison": 3,
  other: 4,
  member: 5,
  alumnus: 6,
};

/**
 * Every role in a charter as flat rows. A person listed among members who also holds a named
 * role (chair, liaison, titled) gets only the named role: "member" means "member and nothing more".
 * A firm member whose named roles are all tentative keeps a (firm) member row too. Alumni are
 * stored as "alumnus" and are not counted as being in the group.
 */
export function flattenRoles(charter: ParsedCharter, keyOf: (p: Person) => string): RoleEntry[] {
  const out: RoleEntry[] = [];
  const named = new Set<string>();
  const firmlyNamed = new Set<string>();
  const seen = new Set<string>();
  const push = (person: Person, role: RoleName, title: string) => {
    const id = `${keyOf(person)}|${role}|${title}`;
    if (seen.has(id)) return;
    seen.add(id);
    const { tentative, ...who } = person;
    out.push({ person: who, role, title, position: out.length, tentative: tentative === true });
  };
  const namedRoles: Array<[Person[], RoleName]> = [
    [charter.roles.chair, "chair"],
    [charter.roles.coChair, "co-chair"],
    [charter.roles.boardLiaison, "board-liaison"],
    [charter.roles.steeringCouncilLiaison, "steering-council-liaison"],
  ];
  const name = (p: Person) => {
    named.add(keyOf(p));
    if (!p.tentative) firmlyNamed.add(keyOf(p));
  };
  for (const [people, role] of namedRoles) {
    for (const p of people) {
      name(p);
      push(p, role, "");
    }
  }
  for (const other of charter.roles.other) {
    for (const p of other.people) {
      name(p);
      push(p, "other", other.title);
    }
  }
  for (const p of charter.members) {
    const key = keyOf(p);
    if (!(p.tentative ? named : firmlyNamed).has(key)) push(p, "member", "");
  }
  const inGroup = new Set(out.filter((e) => !e.tentative).map((e) => keyOf(e.person)));
  for (const p of charter.alumni)
    if (!inGroup.has(keyOf(p))) push({ name: p.name, handle: p.handle }, "alumnus", "");
  return out;
}

/** A role as "role" or "other:Title", for display and comparison. */
export function roleLabel(entry: { role: string; title: string }): string {
  return entry.role === "other" ? `other:${entry.title}` : entry.role;
}

/** The main role among several labels (chair before co-chair before liaison ... before member). */
export function mainRole(labels: string[]): string {
  const rank = (l: string) => ROLE_RANK[(l.startsWith("other:") ? "other" : l) as RoleName] ?? 9;
  return [...labels].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y))[0] ?? "member";
}

/** One change between two versions of a charter. `who` is the caller's identity for a person. */
export type CharterChange =
  | { kind: "proposed" | "activated" | "archived"; from: GroupStatus | null; to: GroupStatus }
  | { kind: "status-changed"; from: GroupStatus | null; to: GroupStatus | "removed" }
  | { kind: "renamed"; from: string; to: string }
  | { kind: "joined"; who: string; name: string; roles: string[] }
  | { kind: "left"; who: string; name: string; roles: string[]; alumnus: boolean }
  | { kind: "role-changed"; who: string; name: string; from: string[]; to: string[] };

/** The lifecycle event for a group moving from one status to another (null: it did not exist). */
export function lifecycleChange(from: GroupStatus | null, to: GroupStatus | "removed"): CharterChange | null {
  if (from === to) return null;
  if (to === "removed") return { kind: "status-changed", from, to };
  if (to === "active") return { kind: "activated", from, to };
  if (to === "archived") return { kind: "archived", from, to };
  if ((to === "draft" || to === "proposed") && (from === null || from === "unknown"))
    return { kind: "proposed", from, to };
  return { kind: "status-changed", from, to };
}

/** A version of a charter reduced to what the timeline compares. */
export interface CharterVersion {
  name: string;
  status: GroupStatus;
  /** Role rows with `who` already resolved to the caller's person identity. */
  roles: Array<{ who: string; name: string; role: string; title: string }>;
}

/**
 * The changes from `before` to `after` (either may be null: group added or removed), in a stable
 * order: lifecycle first, then people in the order they appear in the newer charter.
 */
export function diffCharterVersions(
  before: CharterVersion | null,
  after: CharterVersion | null,
  options: { founders?: boolean } = {},
): CharterChange[] {
  const changes: CharterChange[] = [];
  const life = lifecycleChange(before?.status ?? null, after ? after.status : "removed");
  if (life) changes.push(life);
  if (before && after && before.name !== after.name) {
    changes.push({ kind: "renamed", from: before.name, to: after.name });
  }
  // A removed group keeps its last members on record. A group that appears brings its people with
  // it: they "join" only when asked (`founders`), e.g. in a dated history, not in a first import.
  if (!after) return changes;
  if (!before && !options.founders) return changes;
  const previous: CharterVersion = before ?? { name: after.name, status: after.status, roles: [] };
  const active = (v: CharterVersion) => {
    const m = new Map<string, { name: string; labels: string[] }>();
    for (const r of v.roles) {
      if (r.role === "alumnus") continue;
      const cur = m.get(r.who) ?? { name: r.name, labels: [] };
      const label = roleLabel(r);
      if (!cur.labels.includes(label)) cur.labels.push(label);
      m.set(r.who, cur);
    }
    return m;
  };
  const b = active(previous);
  const a = active(after);
  const alumniAfter = new Set(after.roles.filter((r) => r.role === "alumnus").map((r) => r.who));
  for (const [who, now] of a) {
    const was = b.get(who);
    if (!was) changes.push({ kind: "joined", who, name: now.name, roles: now.labels });
    else if ([...was.labels].sort().join(",") !== [...now.labels].sort().join(",")) {
      changes.push({ kind: "role-changed", who, name: now.name, from: was.labels, to: now.labels });
    }
  }
  for (const [who, was] of b) {
    if (!a.has(who)) {
      changes.push({ kind: "left", who, name: was.name, roles: was.labels, alumnus: alumniAfter.has(who) });
    }
  }
  return changes;
}

/** A stable identity for a change inside one group and one version step (for dedupe keys). */
export function changeKey(change: CharterChange): string {
  switch (change.kind) {
    case "joined":
    case "left":
      return `${change.kind}:${change.who}`;
    case "role-changed":
      return `${change.kind}:${change.who}:${[...change.to].sort().join(",")}`;
    case "renamed":
      return `renamed:${change.to}`;
    default:
      return `${change.kind}:${change.to}`;
  }
}

/** One line describing a change, for the command line ("+ Eliana Rosselli joined as member"). */
export function describeChange(slug: string, change: CharterChange): string {
  switch (change.kind) {
    case "joined":
      return `${slug}: + ${change.name} joined as ${change.roles.join(", ")}`;
    case "left":
      return `${slug}: - ${change.name} left (was ${change.roles.join(", ")})${change.alumnus ? ", now alumnus" : ""}`;
    case "role-changed":
      return `${slug}: ~ ${change.name} ${change.from.join(", ")} -> ${change.to.join(", ")}`;
    case "renamed":
      return `${slug}: renamed "${change.from}" -> "${change.to}"`;
    default:
      return `${slug}: ${change.kind} (${change.from ?? "new"} -> ${change.to})`;
  }
}

/** True for a charter file of the repository: a *.md under active/, draft/, archive/ or proposals/. */
export function isCharterPath(path: string): boolean {
  const parts = path.split("/");
  if (parts.length !== 2) return false;
  const [dir, file] = parts;
  if (!dir || !file) return false;
  if (!["active", "draft", "archive", "proposals"].includes(dir)) return false;
  if (!file.toLowerCase().endsWith(".md")) return false;
  const base = file.toLowerCase().replace(/\.md$/, "");
  return base !== "readme" && !base.includes("template");
}
