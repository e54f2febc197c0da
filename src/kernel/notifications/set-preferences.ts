/** Per-kind choices: immediately, daily digest or off (by email; the inbox always gets it). */
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { validationError } from "../../platform/errors.ts";
import { type NotificationMode, preferencesOf, savePreferences } from "./inbox.repo.ts";

/** A kind a person may choose about, as a room describes it. */
export interface NotificationKindInfo {
  kind: string;
  /** What it is, in a few words ("A meeting of your group is scheduled"). */
  label: string;
}

/** The modes, in the order offered. */
export const MODES = ["immediately", "digest", "off"] as const satisfies readonly NotificationMode[];

/** Their labels. */
export const MODE_LABELS: Record<NotificationMode, string> = {
  immediately: "Email at once",
  digest: "Daily digest",
  off: "Off (inbox only)",
};

/** A person's current choice for every known kind. */
export async function notificationPreferences(input: {
  db: Db;
  userId: number;
  kinds: readonly NotificationKindInfo[];
}): Promise<Array<NotificationKindInfo & { mode: NotificationMode }>> {
  const stored = await preferencesOf(input.db, input.userId);
  return input.kinds.map((k) => ({ ...k, mode: stored.get(k.kind) ?? "immediately" }));
}

/** Saves choices; a kind nobody sends or a mode not offered is refused naming the field. */
export async function setNotificationPreferences(input: {
  db: Db;
  userId: number;
  kinds: readonly NotificationKindInfo[];
  modes: Readonly<Record<string, unknown>>;
  now: Date;
}): Promise<void> {
  const known = new Set(input.kinds.map((k) => k.kind));
  const Mode = z.enum(MODES, { error: `must be one of ${MODES.join(", ")}` });
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  const modes: Array<{ kind: string; mode: NotificationMode }> = [];
  for (const [kind, value] of Object.entries(input.modes)) {
    if (!known.has(kind)) {
      issues.push({ path: [kind], message: "is not a kind of notification Guildhall sends" });
      continue;
    }
    const mode = Mode.safeParse(value);
    if (!mode.success) issues.push({ path: [kind], message: `must be one of ${MODES.join(", ")}` });
    else modes.push({ kind, mode: mode.data });
  }
  if (issues.length) throw validationError("notification preferences", issues);
  await savePreferences(input.db, { userId: input.userId, modes, at: input.now });
}
