/**
 * A package's status on a Django release's compatibility tracker: ready when its metadata says so
 * (the compat verdict is yes), else what its maintainers or the group set (in progress with a link,
 * not started, blocked with a reason), else not started by default; unknown while not synced. Pure.
 */
import { formatInstant } from "../../platform/view/time.tsx";
import type { CompatVerdict } from "../compat/verdict.ts";

/** Statuses a tracker entry can show. */
export const TRACKER_STATUSES = ["ready", "in-progress", "not-started", "blocked", "unknown"] as const;
/** A tracker status. */
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** Statuses people set by hand ("ready" only comes from metadata, "unknown" only from a missing sync). */
export const SETTABLE_STATUSES = ["in-progress", "not-started", "blocked"] as const;
/** A status set by hand. */
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** Human labels. */
export const TRACKER_LABELS: Record<TrackerStatus, string> = {
  ready: "Ready",
  "in-progress": "In progress",
  "not-started": "Not started",
  blocked: "Blocked",
  unknown: "Unknown (not synced)",
};

/** A status set by hand. */
export interface SetEntry {
  status: SettableStatus;
  link: string | null;
  reason: string | null;
  setByName: string;
  setAt: Date;
}

/** What decided a status. */
export interface TrackerDecision {
  status: TrackerStatus;
  /** `metadata`: the synced release's classifiers and requirements; `set`: a person; `default`: nothing else. */
  decidedBy: "metadata" | "set" | "default" | "not-synced";
  /** In words. */
  why: string;
  link: string | null;
  reason: string | null;
}

/** Decides a package's tracker status from its verdict for the series and any entry set by hand. */
export function trackerStatus(verdict: CompatVerdict, entry: SetEntry | null): TrackerDecision {
  if (verdict.verdict === "yes") {
    const superseded = entry ? ` (supersedes "${entry.status}" set by ${entry.setByName})` : "";
    return {
      status: "ready",
      decidedBy: "metadata",
      why: `${verdict.reason}${superseded}`,
      link: entry?.link ?? null,
      reason: null,
    };
  }
  if (entry) {
    return {
      status: entry.status,
      decidedBy: "set",
      why: `set by ${entry.setByName} on ${formatInstant(entry.setAt)}`,
      link: entry.link,
      reason: entry.reason,
    };
  }
  if (verdict.verdict === "not-synced") {
    return {
      status: "unknown",
      decidedBy: "not-synced",
      why: "not synced yet: its classifiers and requirements have not been fetched",
      link: null,
      reason: null,
    };
  }
  return {
    status: "not-started",
    decidedBy: "default",
    why: `metadata: ${verdict.reason}`,
    link: null,
    reason: null,
  };
}

/** How many entries have each status. */
export function countStatuses(
  decisions: readonly { status: TrackerStatus }[],
): Record<TrackerStatus, number> {
  const counts = Object.fromEntries(TRACKER_STATUSES.map((s) => [s, 0])) as Record<TrackerStatus, number>;
  for (const d of decisions) counts[d.status]++;
  return counts;
}
