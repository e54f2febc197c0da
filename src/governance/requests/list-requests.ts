/**
 * Requests as the viewer may see them (the one visibility rule, `canSeeRequest`), the stalled
 * view (waiting past the deadline or with no owner, oldest first, by group pair) and the median
 * time to an answer per group pair and month.
 */
import { dayOf } from "../../kernel/rules.ts";
import type { RequestDeps } from "./deps.ts";
import { targetName } from "./request-records.ts";
import { listRequests, type RequestRecord } from "./requests.repo.ts";
import {
  canSeeRequest,
  daysBetween,
  medianTimesByPair,
  type RequestSides,
  type RequestViewer,
  stalledReason,
  type TargetKind,
} from "./rules.ts";

/** A request as pages, the API and the command line show it. */
export interface RequestView {
  id: number;
  from: { slug: string; name: string };
  to: { kind: string; slug: string | null; name: string; role: string };
  pair: string;
  kind: string;
  title: string;
  link: string | null;
  subject: { type: string; id: string } | null;
  answerNeeded: string;
  deadline: string;
  visibility: string;
  lazyConsensus: boolean;
  state: string;
  outcome: string | null;
  byLazyConsensus: boolean;
  answerNote: string | null;
  owner: string | null;
  openedBy: string | null;
  openedAt: string;
  answeredAt: string | null;
  answeredBy: string | null;
  escalation: number;
  /** Days from opening to the answer, or to today while waiting. */
  daysWaiting: number;
  stalled: "past-deadline" | "no-owner" | null;
}

/** The request as shown on `today`. */
export function presentRequest(r: RequestRecord, today: string): RequestView {
  const to = targetName(r);
  const end = r.answeredAt ? dayOf(r.answeredAt) : today;
  return {
    id: r.id,
    from: r.from,
    to: { kind: r.targetKind, slug: r.targetGroup?.slug ?? null, name: to, role: r.targetRole },
    pair: `${r.from.name} → ${to}`,
    kind: r.kind,
    title: r.title,
    link: r.link,
    subject: r.subjectType !== null && r.subjectId !== null ? { type: r.subjectType, id: r.subjectId } : null,
    answerNeeded: r.answerNeeded,
    deadline: r.deadline,
    visibility: r.visibility,
    lazyConsensus: r.lazyConsensus,
    state: r.state,
    outcome: r.outcome,
    byLazyConsensus: r.byLazyConsensus,
    answerNote: r.answerNote,
    owner: r.ownerName,
    openedBy: r.openedByName,
    openedAt: r.openedAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answeredBy: r.answeredByName,
    escalation: r.escalation,
    daysWaiting: daysBetween(dayOf(r.openedAt), end),
    stalled: stalledReason(
      { state: r.state as "open", deadline: r.deadline, ownerPersonId: r.ownerPersonId },
      today,
    ),
  };
}

/** The sides of a stored request and who may see it: what the visibility rule and the policy read. */
export function requestSides(r: RequestRecord): RequestSides {
  return {
    visibility: r.visibility === "private" ? "private" : "public",
    fromGroupId: r.fromGroupId,
    targetKind: r.targetKind as TargetKind,
    targetGroupId: r.targetGroupId,
    targetPersonId: r.targetPersonId,
    openedByPersonId: r.openedByPersonId,
    ownerPersonId: r.ownerPersonId,
    escalation: r.escalation,
  };
}

/** The requests the viewer may see (null viewer: everything, the command line), by state or group. */
export async function listVisibleRequests(input: {
  deps: RequestDeps;
  viewer: RequestViewer | null;
  state?: "open" | "stalled" | "answered" | "expired" | "all";
  groupId?: number;
}): Promise<RequestView[]> {
  const today = dayOf(input.deps.clock.now());
  const states =
    input.state === "all" || input.state === undefined
      ? undefined
      : input.state === "answered" || input.state === "expired"
        ? [input.state]
        : ["open", "acknowledged"];
  const rows = await listRequests(input.deps.database.db, { states, groupId: input.groupId });
  const { viewer } = input;
  const visible = viewer === null ? rows : rows.filter((r) => canSeeRequest(requestSides(r), viewer));
  const views = visible.map((r) => presentRequest(r, today));
  return input.state === "stalled" ? views.filter((v) => v.stalled !== null) : views;
}

/** The stalled view: waiting requests by group pair (oldest first), and the medians per pair. */
export async function getStalledView(input: { deps: RequestDeps; viewer: RequestViewer | null }) {
  const today = dayOf(input.deps.clock.now());
  const all = await listVisibleRequests({ deps: input.deps, viewer: input.viewer, state: "all" });
  const stalled = all.filter((v) => v.stalled !== null);
  const pairs = new Map<string, RequestView[]>();
  for (const v of stalled) pairs.set(v.pair, [...(pairs.get(v.pair) ?? []), v]);
  const medians = medianTimesByPair(
    all
      .filter((v) => v.state === "answered" && v.answeredAt !== null)
      .map((v) => ({ pair: v.pair, answeredOn: (v.answeredAt ?? "").slice(0, 10), days: v.daysWaiting })),
  );
  return {
    on: today,
    pairs: [...pairs].map(([pair, requests]) => ({ pair, requests })),
    medians: [...medians].map(([pair, months]) => ({ pair, months })),
  };
}
