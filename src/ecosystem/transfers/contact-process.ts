/**
 * PEP 541's process for unreachable owners, as pure rules: three attempts to reach them over at least
 * six weeks; a reply ends it; once exhausted, the text of a PyPI support request with the evidence.
 */

/** Channels an attempt goes through. */
export const CONTACT_CHANNELS = ["email", "issue", "social", "chat", "other"] as const;
/** A channel. */
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** What came of an attempt. */
export const CONTACT_OUTCOMES = ["no-reply", "bounced", "replied"] as const;
/** What came of an attempt. */
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Attempts PEP 541 asks for. */
export const REQUIRED_ATTEMPTS = 3;
/** Days the attempts must span (six weeks). */
export const REQUIRED_DAYS = 42;

/** One attempt. */
export interface Attempt {
  attemptedOn: string;
  channel: ContactChannel;
  detail: string;
  outcome: ContactOutcome;
  byName: string;
}

/** Where the process stands. */
export type ContactState = "not-started" | "in-progress" | "waiting" | "exhausted" | "reached";

/** The process's state, in words, and what comes next. */
export interface ContactProcess {
  state: ContactState;
  attempts: number;
  firstOn: string | null;
  lastOn: string | null;
  /** The first day the process can be exhausted (first attempt + six weeks), when started. */
  exhaustibleFrom: string | null;
  why: string;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Decides where the process stands from the attempts (any order). */
export function contactProcess(attempts: readonly Attempt[]): ContactProcess {
  const sorted = [...attempts].sort((a, b) => a.attemptedOn.localeCompare(b.attemptedOn));
  const first = sorted[0]?.attemptedOn ?? null;
  const last = sorted.at(-1)?.attemptedOn ?? null;
  const base = {
    attempts: sorted.length,
    firstOn: first,
    lastOn: last,
    exhaustibleFrom: first ? addDays(first, REQUIRED_DAYS) : null,
  };
  const replied = sorted.find((a) => a.outcome === "replied");
  if (replied) {
    return {
      ...base,
      state: "reached",
      why: `the owners replied on ${replied.attemptedOn} (${replied.channel}): PEP 541's abandonment process does not apply`,
    };
  }
  if (!first || !last) {
    return { ...base, state: "not-started", why: "no attempt to reach the owners is recorded" };
  }
  if (sorted.length < REQUIRED_ATTEMPTS) {
    return {
      ...base,
      state: "in-progress",
      why: `${sorted.length} of ${REQUIRED_ATTEMPTS} attempts; PEP 541 asks for ${REQUIRED_ATTEMPTS} over at least six weeks`,
    };
  }
  const span = daysBetween(first, last);
  if (span < REQUIRED_DAYS) {
    return {
      ...base,
      state: "waiting",
      why: `${sorted.length} attempts over ${span} days; PEP 541 asks for six weeks, so one more attempt on or after ${base.exhaustibleFrom}`,
    };
  }
  return {
    ...base,
    state: "exhausted",
    why: `${sorted.length} attempts over ${span} days without a reply: the owners are unreachable as PEP 541 defines it`,
  };
}

/** The facts a support request cites. */
export interface SupportFacts {
  packageName: string;
  owners: readonly string[];
  ownersAsOf: string | null;
  latestVersion: string;
  /** Day of the latest release, or a month when only that is known. */
  lastRelease: string | null;
  requester: string;
}

/** The text of a PyPI support request (PEP 541) with the evidence; null unless the process is exhausted. */
export function supportRequestText(
  process: ContactProcess,
  attempts: readonly Attempt[],
  facts: SupportFacts,
): string | null {
  if (process.state !== "exhausted") return null;
  const sorted = [...attempts].sort((a, b) => a.attemptedOn.localeCompare(b.attemptedOn));
  return [
    `PEP 541 request: ${facts.packageName}`,
    "",
    `Project: https://pypi.org/project/${facts.packageName}/`,
    `Current owners on PyPI: ${facts.owners.length ? facts.owners.join(", ") : "none listed"}${facts.ownersAsOf ? ` (as of ${facts.ownersAsOf})` : " (never synced)"}`,
    `Latest release: ${facts.latestVersion}${facts.lastRelease ? ` (${facts.lastRelease})` : " (date unknown)"}`,
    "",
    `We tried to reach the owners ${sorted.length} times over ${daysBetween(process.firstOn ?? "", process.lastOn ?? "")} days without a reply:`,
    ...sorted.map(
      (a) =>
        `- ${a.attemptedOn}: ${a.channel}${a.detail ? ` (${a.detail})` : ""}, ${a.outcome}, by ${a.byName}`,
    ),
    "",
    "We ask for the project to be transferred under PEP 541 (the owners are unreachable).",
    "Who would take it over, their work on the project or a fork, and why a fork will not do:",
    "<fill in before sending>",
    "",
    `Requested by: ${facts.requester}`,
  ].join("\n");
}
