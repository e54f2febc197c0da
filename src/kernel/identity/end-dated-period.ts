import { z } from "zod";
import type { Db, Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { optionalText } from "../../platform/validation.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { endRefusal } from "./dated.ts";
import { DaySchema, parseOrThrow } from "./schemas.ts";

const Input = z.object({
  endedOn: DaySchema,
  reason: optionalText({ max: 2000 }).transform((v) => v ?? ""),
  decisionRef: optionalText({ max: 500 }),
});

/** A stored dated period: a foundation role or a group role period. */
export interface StoredPeriod {
  id: number;
  startedOn: string;
  endedOn: string | null;
}

/** What ending a period needs of its table. */
export interface PeriodStore<Row extends StoredPeriod> {
  /** "foundation role", "role period": for messages. */
  noun: string;
  load(tx: Tx, id: number): Promise<Row | undefined>;
  /** Sets the end (and the reason and decision, where the table keeps them). */
  end(
    tx: Tx,
    before: Row,
    change: { endedOn: string; reason: string; decisionRef: string | null },
  ): Promise<Row | undefined>;
  /** Runs in the same transaction once the period has ended (rooms hand over what it owned). */
  afterEnd?(tx: Tx, after: Row, context: { now: Date; by: AuditActor; reason: string }): Promise<void>;
  /** The audit entry's action and subject. */
  audit: { action: string; subject(before: Row): { type: string; id: string | number } };
}

/**
 * Ends a dated period on a day, the one way for foundation roles and group role periods alike: the
 * period must exist, must not have ended already and must end after it starts; the change and the
 * audit entry are written in one transaction.
 */
export async function endDatedPeriod<Row extends StoredPeriod>(
  store: PeriodStore<Row>,
  input: {
    db: Db;
    now: Date;
    by: AuditActor;
    id: number;
    endedOn: string;
    reason?: string;
    decisionRef?: string | null;
  },
): Promise<Row> {
  const data = parseOrThrow(
    Input,
    { endedOn: input.endedOn, reason: input.reason ?? "", decisionRef: input.decisionRef ?? null },
    `${store.noun} end`,
  );
  const Noun = store.noun.charAt(0).toUpperCase() + store.noun.slice(1);
  return input.db.transaction(async (tx) => {
    const before = await store.load(tx, input.id);
    if (!before) throw new AppError("not_found", { message: `No ${store.noun} with id ${input.id}.` });
    const refusal = endRefusal(before, data.endedOn, { refuseEnded: true });
    if (refusal?.code === "conflict") {
      throw new AppError("conflict", { message: `${Noun} ${before.id} ${refusal.message}.` });
    }
    if (refusal) {
      throw new AppError("validation", {
        message: `Invalid ${store.noun} end: endedOn must be after the start (${before.startedOn}).`,
        issues: [{ field: "endedOn", message: refusal.message }],
      });
    }
    const after = await store.end(tx, before, data);
    if (!after) throw new Error(`ending ${store.noun} ${before.id} returned nothing`);
    const subject = store.audit.subject(before);
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: store.audit.action,
      subjectType: subject.type,
      subjectId: subject.id,
      before,
      after,
      cause: data.decisionRef ?? data.reason,
    });
    await store.afterEnd?.(tx, after, { now: input.now, by: input.by, reason: data.reason });
    return after;
  });
}
