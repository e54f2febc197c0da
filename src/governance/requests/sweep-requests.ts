/**
 * The request sweep (the scheduled job and `guildhall requests sweep`): for each request still
 * waiting, records the events the rules give up to today once each (unique by request and kind):
 * the reminder before the deadline, lazy consensus at the deadline where it was stated and nobody
 * objected, then escalation to the target's Chair and liaisons, then to the Board, then expiry,
 * each audited and notified through the outbox in one transaction per request. Each request's
 * row is locked and its state read again first, so an answer that got there first stands.
 */
import { appendAudit } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { SYSTEM_ACTOR } from "../decisions/decisions.repo.ts";
import type { RequestDeps } from "./deps.ts";
import { askingSide, finishRequest, noticeRequest } from "./request-records.ts";
import {
  boardMembers,
  chairAndLiaisons,
  insertEvent,
  lockRequest,
  setEventNotified,
  sweepFactsOf,
  targetRecipients,
  updateRequest,
  waitingRequests,
} from "./requests.repo.ts";
import { addDays, dueEvents, REMINDER_DAYS_BEFORE, type RequestState } from "./rules.ts";

/** What one sweep did. */
export interface RequestSweepResult {
  day: string;
  /** Events recorded by this sweep, by kind. */
  recorded: Record<string, number>;
  /** Notifications written to the outbox. */
  notified: number;
}

/** Runs the sweep for the clock's day. */
export async function sweepRequests(input: { deps: RequestDeps }): Promise<RequestSweepResult> {
  const { database, clock } = input.deps;
  const now = clock.now();
  const day = dayOf(now);
  const cause = `request-sweep:${day}`;
  const recorded: Record<string, number> = {};
  let notified = 0;
  // Requests whose reminder day has come: deadline at most REMINDER_DAYS_BEFORE days away.
  const candidates = await waitingRequests(database.db, addDays(day, REMINDER_DAYS_BEFORE));
  for (const candidate of candidates) {
    await database.db.transaction(async (tx) => {
      const row = await lockRequest(tx, candidate.id);
      if (!row) return;
      const facts = await sweepFactsOf(tx, row.id);
      const events = dueEvents(
        {
          state: row.state as RequestState,
          deadline: row.deadline,
          openedOn: dayOf(row.openedAt),
          lazyConsensus: row.lazyConsensus,
          objected: facts.objected,
          recorded: facts.recorded,
        },
        day,
      );
      for (const event of events) {
        const id = await insertEvent(tx, {
          requestId: row.id,
          kind: event.kind,
          dueOn: event.on,
          recordedAt: now,
        });
        if (id === null) continue;
        recorded[event.kind] = (recorded[event.kind] ?? 0) + 1;
        let sent = 0;
        switch (event.kind) {
          case "reminder":
            sent = await noticeRequest(tx, {
              requestId: row.id,
              notice: "reminder",
              to: await targetRecipients(tx, row, day),
              at: now,
            });
            await audit(tx, row.id, "request.reminded", { dueOn: event.on });
            break;
          case "lazy-consensus":
            // finishRequest writes the audit entry and tells the asking side.
            await finishRequest(tx, row, {
              outcome: "approved",
              note: "Nobody objected by the deadline.",
              byLazyConsensus: true,
              actor: SYSTEM_ACTOR,
              now,
            });
            sent = askingSide(row).length;
            break;
          case "escalated-target":
          case "escalated-board": {
            const step = event.kind === "escalated-target" ? 1 : 2;
            const to =
              step === 1
                ? await chairAndLiaisons(tx, row, day)
                : [...(await boardMembers(tx, day)), ...askingSide(row)];
            await updateRequest(tx, row.id, { escalation: step, updatedAt: now });
            sent = await noticeRequest(tx, { requestId: row.id, notice: event.kind, to, at: now });
            await audit(tx, row.id, "request.escalated", { step, dueOn: event.on, notified: sent });
            break;
          }
          case "expired":
            await updateRequest(tx, row.id, { state: "expired", updatedAt: now });
            sent = await noticeRequest(tx, {
              requestId: row.id,
              notice: "expired",
              to: askingSide(row),
              at: now,
            });
            await audit(tx, row.id, "request.expired", { dueOn: event.on });
            break;
        }
        await setEventNotified(tx, id, sent);
        notified += sent;
      }
    });
  }
  return { day, recorded, notified };

  async function audit(
    tx: Parameters<typeof appendAudit>[0],
    requestId: number,
    action: string,
    after: unknown,
  ) {
    await appendAudit(tx, {
      by: SYSTEM_ACTOR,
      at: now,
      action,
      subjectType: "request",
      subjectId: requestId,
      after,
      cause,
    });
  }
}
