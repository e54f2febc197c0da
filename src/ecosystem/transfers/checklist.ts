/**
 * Ownership transfers as pure rules: who hands a package over and who takes it (Jazzband shown
 * as closing, with its dates), the checklist worked through with a roadie, the PyPI-roles step that
 * verifies itself from the owners PyPI listed at the last sync, and which roadie has capacity.
 */

/** Who hands a package over. */
export const FROM_KINDS = ["person", "jazzband", "organisation"] as const;
/** Who hands a package over. */
export type FromKind = (typeof FROM_KINDS)[number];

/** Who takes a package. */
export const TO_KINDS = ["person", "django-commons", "wagtail-nest", "organisation"] as const;
/** Who takes a package. */
export type ToKind = (typeof TO_KINDS)[number];

/** The organisations Guildhall knows, with what a transfer there must respect (from their published rules). */
export const ORGANISATIONS = {
  jazzband: {
    name: "Jazzband",
    closing: true,
    note: "Jazzband is winding down: new sign-ups closed in March 2026, projects are transferred out from June to December 2026, and the organisation is archived in early 2027.",
  },
  "django-commons": {
    name: "Django Commons",
    closing: false,
    note: "Django Commons takes transfers in by an issue form; a package transferred out needs a new admin with at least 6 months and one release.",
  },
  "wagtail-nest": {
    name: "Wagtail Nest",
    closing: false,
    note: "Wagtail Nest needs at least one other maintainer as a PyPI owner, and nobody merges their own pull request.",
  },
} as const;

/** The checklist's steps, in the order they are usually done. */
export const STEPS = [
  "pypi-roles",
  "repository",
  "documentation",
  "ci-secrets",
  "readme-badges",
  "announcement",
] as const;
/** One checklist step. */
export type Step = (typeof STEPS)[number];

/** What each step is. */
export const STEP_LABELS: Record<Step, string> = {
  "pypi-roles": "PyPI roles: new owners added, leaving owners removed",
  repository: "Repository transferred",
  documentation: "Documentation hosting moved (Read the Docs or other)",
  "ci-secrets": "CI secrets and trusted publisher set up for the new home",
  "readme-badges": "README and badges updated",
  announcement: "Transfer announced",
};

/** Who does each step unless someone changes it. */
export const DEFAULT_OWNERS: Record<Step, StepOwner> = {
  "pypi-roles": "from",
  repository: "from",
  documentation: "to",
  "ci-secrets": "to",
  "readme-badges": "to",
  announcement: "roadie",
};

/** Who does a step. */
export const STEP_OWNERS = ["from", "to", "roadie"] as const;
/** Who does a step. */
export type StepOwner = (typeof STEP_OWNERS)[number];

/** States a person sets on a step. */
export const SETTABLE_STEP_STATES = ["to-do", "in-progress", "done", "not-needed"] as const;
/** A state a person sets. */
export type SettableStepState = (typeof SETTABLE_STEP_STATES)[number];
/** States a step shows: what was set, or (for PyPI roles) verified or waiting for the sync. */
export type StepState = SettableStepState | "verified" | "waiting-for-sync";

/** Steps Guildhall verifies itself (from the synced PyPI owners); people cannot set them done. */
export const VERIFIED_STEPS: readonly Step[] = ["pypi-roles"];

/** Where a transfer stands. */
export const TRANSFER_STATES = ["open", "done", "cancelled"] as const;
/** Where a transfer stands. */
export type TransferState = (typeof TRANSFER_STATES)[number];

/** How a party is named in words. */
export function partyLabel(kind: FromKind | ToKind, name: string): string {
  if (kind === "jazzband") return "Jazzband (closing)";
  if (kind === "django-commons") return "Django Commons";
  if (kind === "wagtail-nest") return "Wagtail Nest";
  return kind === "organisation" ? `${name} (organisation)` : name;
}

/** The name a party is stored with (organisations Guildhall knows get their own name). */
export function partyName(kind: FromKind | ToKind, name: string | null): string | null {
  if (kind === "jazzband" || kind === "django-commons" || kind === "wagtail-nest") {
    return ORGANISATIONS[kind].name;
  }
  return name && name.trim() !== "" ? name.trim() : null;
}

/** The PyPI owners as of a sync. */
export interface SyncedOwners {
  owners: readonly string[];
  /** When the package was last synced from the index (null: never). */
  syncedAt: Date | null;
}

/** The PyPI-roles plan of a transfer. */
export interface RolesPlan {
  add: readonly string[];
  remove: readonly string[];
  openedAt: Date;
}

/** What the PyPI-roles step shows, and why. */
export interface RolesVerdict {
  state: "verified" | "waiting-for-sync";
  why: string;
  missing: string[];
  stillListed: string[];
}

const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));

/**
 * Verifies the PyPI-roles step from the last sync: every planned new owner listed and every
 * planned leaver gone, by a sync after the transfer opened (an older list proves nothing about it).
 */
export function verifyRoles(plan: RolesPlan, synced: SyncedOwners): RolesVerdict {
  if (synced.syncedAt === null) {
    return {
      state: "waiting-for-sync",
      why: "not verified: the package has never been synced from PyPI",
      missing: [...plan.add],
      stillListed: [...plan.remove],
    };
  }
  if (plan.add.length === 0 && plan.remove.length === 0) {
    return {
      state: "waiting-for-sync",
      why: "not verified: the transfer names no PyPI users to add or remove",
      missing: [],
      stillListed: [],
    };
  }
  const listed = lowerSet(synced.owners);
  const missing = plan.add.filter((u) => !listed.has(u.toLowerCase()));
  const stillListed = plan.remove.filter((u) => listed.has(u.toLowerCase()));
  const at = synced.syncedAt.toISOString();
  if (synced.syncedAt.getTime() < plan.openedAt.getTime()) {
    return {
      state: "waiting-for-sync",
      why: `not verified: the last sync (${at}) is older than the transfer`,
      missing,
      stillListed,
    };
  }
  if (missing.length === 0 && stillListed.length === 0) {
    return {
      state: "verified",
      why: `verified by the sync of ${at}: PyPI lists ${plan.add.join(", ") || "the owners"}${plan.remove.length ? ` and no longer ${plan.remove.join(", ")}` : ""}`,
      missing,
      stillListed,
    };
  }
  const parts = [
    missing.length ? `PyPI does not list ${missing.join(", ")} yet` : "",
    stillListed.length ? `PyPI still lists ${stillListed.join(", ")}` : "",
  ].filter(Boolean);
  return {
    state: "waiting-for-sync",
    why: `as of the sync of ${at}: ${parts.join("; ")}`,
    missing,
    stillListed,
  };
}

/** A step as stored. */
export interface StoredStep {
  step: Step;
  owner: StepOwner;
  state: SettableStepState;
  note: string;
}

/** What a step shows: the stored state, or for a verified step the sync's verdict. */
export function stepState(step: StoredStep, roles: RolesVerdict): { state: StepState; why: string } {
  if (VERIFIED_STEPS.includes(step.step)) {
    if (step.state === "not-needed") return { state: "not-needed", why: "marked not needed" };
    return { state: roles.state, why: roles.why };
  }
  return { state: step.state, why: "" };
}

/** True when every step is done, verified or not needed: the transfer may be completed. */
export function isComplete(states: readonly StepState[]): boolean {
  return states.every((s) => s === "done" || s === "verified" || s === "not-needed");
}

/** A roadie with their load. */
export interface RoadieLoad {
  userId: number;
  name: string;
  capacity: number;
  open: number;
}

/**
 * The roadie to suggest for a new transfer: whoever has room (open transfers below capacity), the
 * most room first, then the fewest open transfers, then the longest on the roster (lowest id order
 * as given). Null when nobody has room.
 */
export function suggestRoadie(
  roster: readonly RoadieLoad[],
  exclude: readonly number[] = [],
): RoadieLoad | null {
  const free = roster.filter((r) => r.open < r.capacity && !exclude.includes(r.userId));
  free.sort((a, b) => b.capacity - b.open - (a.capacity - a.open) || a.open - b.open);
  return free[0] ?? null;
}
