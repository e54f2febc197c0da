/** The queries of requests between groups: requests, their threads, the sweep's events, settings. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../platform/db/index.ts";
import {
  groupRequests,
  groups,
  people,
  requestComments,
  requestEvents,
  requestSettings,
} from "../../platform/db/schema.ts";
import { foundationRoleHolders, heldRoles } from "../decisions/decisions.repo.ts";
import type { RequestEventKind } from "./rules.ts";

/** A database or a transaction. */
export type DbOrTx = Db | Tx;

/** A stored request row. */
export type RequestRow = typeof groupRequests.$inferSelect;

/** A request with the names a page or the API shows beside it. */
export interface RequestRecord extends RequestRow {
  from: { slug: string; name: string };
  targetGroup: { slug: string; name: string } | null;
  targetPersonName: string | null;
  ownerName: string | null;
  openedByName: string | null;
  answeredByName: string | null;
}

const targetGroup = alias(groups, "target_group");
const targetPerson = alias(people, "target_person");
const owner = alias(people, "owner");
const opener = alias(people, "opener");
const answerer = alias(people, "answerer");

function recordQuery(db: DbOrTx) {
  return db
    .select({
      request: groupRequests,
      fromSlug: groups.slug,
      fromName: groups.name,
      targetSlug: targetGroup.slug,
      targetName: targetGroup.name,
      targetPersonName: targetPerson.name,
      ownerName: owner.name,
      openedByName: opener.name,
      answeredByName: answerer.name,
    })
    .from(groupRequests)
    .innerJoin(groups, eq(groups.id, groupRequests.fromGroupId))
    .leftJoin(targetGroup, eq(targetGroup.id, groupRequests.targetGroupId))
    .leftJoin(targetPerson, eq(targetPerson.id, groupRequests.targetPersonId))
    .leftJoin(owner, eq(owner.id, groupRequests.ownerPersonId))
    .leftJoin(opener, eq(opener.id, groupRequests.openedByPersonId))
    .leftJoin(answerer, eq(answerer.id, groupRequests.answeredByPersonId));
}

type RecordQueryRow = Awaited<ReturnType<ReturnType<typeof recordQuery>["execute"]>>[number];

function toRecord(r: RecordQueryRow): RequestRecord {
  return {
    ...r.request,
    from: { slug: r.fromSlug, name: r.fromName },
    targetGroup:
      r.targetSlug !== null && r.targetName !== null ? { slug: r.targetSlug, name: r.targetName } : null,
    targetPersonName: r.targetPersonName,
    ownerName: r.ownerName,
    openedByName: r.openedByName,
    answeredByName: r.answeredByName,
  };
}

/** One request with its names, or undefined. */
export async function findRequest(db: DbOrTx, id: number): Promise<RequestRecord | undefined> {
  const rows = await recordQuery(db).where(eq(groupRequests.id, id));
  const row = rows[0];
  return row ? toRecord(row) : undefined;
}

/** Requests with their names, filtered by state and/or by a group on either side, oldest first. */
export async function listRequests(
  db: DbOrTx,
  filter: { states?: readonly string[]; groupId?: number },
): Promise<RequestRecord[]> {
  const where = and(
    filter.states ? inArray(groupRequests.state, [...filter.states]) : undefined,
    filter.groupId === undefined
      ? undefined
      : sql`(${groupRequests.fromGroupId} = ${filter.groupId} or ${groupRequests.targetGroupId} = ${filter.groupId})`,
  );
  const rows = await recordQuery(db).where(where).orderBy(asc(groupRequests.openedAt), asc(groupRequests.id));
  return rows.map(toRecord);
}

/** Saves a new request; returns its id. */
export async function insertRequest(tx: DbOrTx, row: typeof groupRequests.$inferInsert): Promise<number> {
  const [saved] = await tx.insert(groupRequests).values(row).returning({ id: groupRequests.id });
  if (!saved) throw new Error("insert returned no row");
  return saved.id;
}

/** Locks a request's row for the rest of the transaction and returns it (undefined: none). */
export async function lockRequest(tx: Tx, id: number): Promise<RequestRow | undefined> {
  const rows = await tx.select().from(groupRequests).where(eq(groupRequests.id, id)).for("update");
  return rows[0];
}

/** Changes a request's row. */
export async function updateRequest(
  tx: DbOrTx,
  id: number,
  set: Partial<typeof groupRequests.$inferInsert>,
): Promise<void> {
  await tx.update(groupRequests).set(set).where(eq(groupRequests.id, id));
}

/** Whether a group, as a target, allows lazy consensus (off unless its Chair turned it on). */
export async function allowsLazyConsensus(db: DbOrTx, groupId: number): Promise<boolean> {
  const row = (
    await db
      .select({ allow: requestSettings.allowLazyConsensus })
      .from(requestSettings)
      .where(eq(requestSettings.groupId, groupId))
  )[0];
  return row?.allow ?? false;
}

/** Records whether a group allows lazy consensus on requests to it. */
export async function saveRequestSettings(
  tx: DbOrTx,
  row: { groupId: number; allowLazyConsensus: boolean; now: Date },
): Promise<void> {
  await tx
    .insert(requestSettings)
    .values({ groupId: row.groupId, allowLazyConsensus: row.allowLazyConsensus, updatedAt: row.now })
    .onConflictDoUpdate({
      target: requestSettings.groupId,
      set: { allowLazyConsensus: row.allowLazyConsensus, updatedAt: row.now },
    });
}

/** A request's comment thread, oldest first. */
export async function commentsOf(db: DbOrTx, requestId: number) {
  return db
    .select()
    .from(requestComments)
    .where(eq(requestComments.requestId, requestId))
    .orderBy(asc(requestComments.createdAt), asc(requestComments.id));
}

/** Adds a comment; returns its id. */
export async function insertComment(tx: DbOrTx, row: typeof requestComments.$inferInsert): Promise<number> {
  const [saved] = await tx.insert(requestComments).values(row).returning({ id: requestComments.id });
  if (!saved) throw new Error("insert returned no row");
  return saved.id;
}

/** The events recorded for a request, in the order recorded. */
export async function eventsOf(db: DbOrTx, requestId: number) {
  return db
    .select()
    .from(requestEvents)
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.id));
}

/** Requests still waiting (open or acknowledged) with a deadline on or before `day`, with their events and objections. */
export async function waitingRequests(db: DbOrTx, lastDeadline: string) {
  const rows = await db
    .select({ id: groupRequests.id, deadline: groupRequests.deadline })
    .from(groupRequests)
    .where(
      and(
        inArray(groupRequests.state, ["open", "acknowledged"]),
        sql`${groupRequests.deadline} <= ${lastDeadline}`,
      ),
    )
    .orderBy(asc(groupRequests.deadline), asc(groupRequests.id));
  return rows;
}

/** The event kinds recorded for a request, and whether anyone objected in its thread. */
export async function sweepFactsOf(
  db: DbOrTx,
  requestId: number,
): Promise<{ recorded: Set<RequestEventKind>; objected: boolean }> {
  const events = await db
    .select({ kind: requestEvents.kind })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, requestId));
  const objections = await db
    .select({ id: requestComments.id })
    .from(requestComments)
    .where(and(eq(requestComments.requestId, requestId), eq(requestComments.objection, true)))
    .limit(1);
  return {
    recorded: new Set(events.map((e) => e.kind as RequestEventKind)),
    objected: objections.length > 0,
  };
}

/** Records an event once; returns its id, or null when it was recorded before. */
export async function insertEvent(
  tx: DbOrTx,
  row: { requestId: number; kind: RequestEventKind; dueOn: string; recordedAt: Date },
): Promise<number | null> {
  const saved = await tx
    .insert(requestEvents)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: requestEvents.id });
  return saved[0]?.id ?? null;
}

/** Sets how many notifications an event wrote. */
export async function setEventNotified(tx: DbOrTx, id: number, notified: number): Promise<void> {
  await tx.update(requestEvents).set({ notified }).where(eq(requestEvents.id, id));
}

/** A group's id, slug and name by slug, or undefined. */
export async function groupBySlug(db: DbOrTx, slug: string) {
  const rows = await db
    .select({ id: groups.id, slug: groups.slug, name: groups.name, status: groups.status })
    .from(groups)
    .where(eq(groups.slug, slug));
  return rows[0];
}

/** A person's id and name by id or slug, or undefined. */
export async function findPerson(db: DbOrTx, ref: number | string) {
  const rows = await db
    .select({ id: people.id, name: people.name, slug: people.slug })
    .from(people)
    .where(typeof ref === "number" ? eq(people.id, ref) : eq(people.slug, ref));
  return rows[0];
}

/** People who answer for a target: a group's Chair and Co-Chair (else its Board Liaison), the Board, the Steering Council, or the named person. */
export async function targetRecipients(db: DbOrTx, r: RequestRow, day: string): Promise<number[]> {
  switch (r.targetKind) {
    case "group": {
      if (r.targetGroupId === null) return [];
      const held = await heldRoles(db, r.targetGroupId, day);
      const chairs = held.filter((h) => h.role === "chair" || h.role === "co-chair").map((h) => h.personId);
      const chosen = chairs.length
        ? chairs
        : held.filter((h) => h.role === "board-liaison").map((h) => h.personId);
      return unique(chosen);
    }
    case "board":
      return unique(await foundationRoleHolders(db, "board-member", day));
    case "steering-council":
      return unique(await foundationRoleHolders(db, "steering-council-member", day));
    default:
      return r.targetPersonId === null ? [] : [r.targetPersonId];
  }
}

/**
 * The first escalation step: the target group's Chair, Co-Chair and liaisons; for the Board, the
 * Steering Council or a person, the one asked and the asking group's liaisons (their way in).
 */
export async function chairAndLiaisons(db: DbOrTx, r: RequestRow, day: string): Promise<number[]> {
  const liaisonRoles = new Set(["chair", "co-chair", "board-liaison", "steering-council-liaison"]);
  if (r.targetKind === "group" && r.targetGroupId !== null) {
    const held = await heldRoles(db, r.targetGroupId, day);
    return unique(held.filter((h) => liaisonRoles.has(h.role)).map((h) => h.personId));
  }
  const fromHeld = await heldRoles(db, r.fromGroupId, day);
  const liaisons = fromHeld
    .filter((h) => h.role === "board-liaison" || h.role === "steering-council-liaison")
    .map((h) => h.personId);
  return unique([...(await targetRecipients(db, r, day)), ...liaisons]);
}

/** The Board's members on a day (the second escalation step). */
export async function boardMembers(db: DbOrTx, day: string): Promise<number[]> {
  return unique(await foundationRoleHolders(db, "board-member", day));
}

const unique = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** The groups a request may be sent to (every group but archived ones), by name, with their lazy-consensus setting. */
export async function targetGroups(db: DbOrTx) {
  return db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      allowLazyConsensus: sql<boolean>`coalesce(${requestSettings.allowLazyConsensus}, false)`,
    })
    .from(groups)
    .leftJoin(requestSettings, eq(requestSettings.groupId, groups.id))
    .where(sql`${groups.status} <> 'archived'`)
    .orderBy(asc(groups.name), asc(groups.id));
}
