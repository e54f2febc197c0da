/** Records an attempt to reach a package's owners (PEP 541's contact log), audited. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { loadPackageResource } from "../maintainers/maintainer-calls.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { isoDay } from "../releases/calendar.ts";
import type { ContactChannel, ContactOutcome } from "./contact-process.ts";
import type { Acting } from "./open-transfer.ts";
import { insertAttempt } from "./transfers.repo.ts";

/** Records one attempt; its day cannot be in the future. */
export async function recordContactAttempt(input: {
  db: Db;
  clock: Clock;
  name: string;
  attemptedOn: string;
  channel: ContactChannel;
  detail: string | null;
  outcome: ContactOutcome;
  by: Acting;
}) {
  const now = input.clock.now();
  if (input.attemptedOn > isoDay(now)) {
    throw new AppError("validation", {
      message: "Invalid contact attempt: attemptedOn: must not be in the future",
      issues: [{ field: "attemptedOn", message: "must not be in the future" }],
    });
  }
  const pkg = await loadPackageResource(input.db, input.name);
  return input.db.transaction(async (tx) => {
    const row = await insertAttempt(tx, {
      packageName: pkg.name,
      attemptedOn: input.attemptedOn,
      channel: input.channel,
      detail: input.detail ?? "",
      outcome: input.outcome,
      byUserId: input.by.userId,
      byName: input.by.name,
      recordedAt: now,
    });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "contact.attempt",
      subjectType: "package",
      subjectId: pkg.name,
      after: { attemptedOn: row.attemptedOn, channel: row.channel, outcome: row.outcome },
    });
    return row;
  });
}
