import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { text } from "../../platform/validation.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { parseOrThrow } from "../identity/schemas.ts";
import { findHandover, type HandoverRow, setHandoverNote } from "./ownership.repo.ts";

/** Input of writeHandoverNote: what is in flight and who to talk to. */
export const HandoverNoteSchema = z.object({
  note: text({ multiline: true, max: 5000 }).describe("What is in flight and who to talk to."),
});

/** Keeps the hand-over note with the items (written again, it replaces the earlier one; audited). */
export async function writeHandoverNote(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  handoverId: number;
  input: unknown;
}): Promise<HandoverRow> {
  const { note } = parseOrThrow(HandoverNoteSchema, input.input, "hand-over note");
  return input.db.transaction(async (tx) => {
    const before = await findHandover(tx, input.handoverId);
    if (!before) throw new AppError("not_found", { message: `No hand-over ${input.handoverId}.` });
    const after = await setHandoverNote(tx, before.id, {
      note,
      noteAt: input.now,
      noteByUserId: input.by.userId,
    });
    if (!after) throw new Error(`hand-over ${before.id} vanished`);
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "handover.note",
      subjectType: "handover",
      subjectId: before.id,
      before: { note: before.note },
      after: { note: after.note },
    });
    return after;
  });
}
