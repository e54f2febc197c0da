/**
 * The daily digest: for each account that chose "daily digest" for some kinds, one email with
 * the day's held notifications. Written through the outbox with the key `digest:<account>:<day>`,
 * so a retried run, or the same run in two processes, writes (and sends) each digest once.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { digestTemplate } from "./digest.template.ts";
import { DIGEST_KIND, heldForDigest } from "./inbox.repo.ts";
import { notify } from "./notify.ts";
import { renderNotification, type TemplateRegistry } from "./template.ts";

/** What sending digests needs. */
export interface DigestDeps {
  database: Database;
  clock: Clock;
  config: { baseUrl: string };
  notificationTemplates: TemplateRegistry;
}

/** The UTC day before `now`. */
export function previousDay(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** Writes the digests of `day` (UTC); returns how many accounts had items and how many were new. */
export async function sendDigests(input: {
  deps: DigestDeps;
  day: string;
}): Promise<{ day: string; accounts: number; items: number; written: number }> {
  const { database, clock, config, notificationTemplates } = input.deps;
  const from = new Date(`${input.day}T00:00:00Z`);
  const to = new Date(from.getTime() + 86_400_000);
  const held = await heldForDigest(database.db, { from, to });
  const byUser = new Map<number, Array<{ subject: string; text: string }>>();
  for (const item of held) {
    const template = notificationTemplates.get(item.templateId);
    let line = { subject: `A ${item.kind} notification`, text: "" };
    if (template) {
      try {
        const m = renderNotification({ template, data: item.data, baseUrl: config.baseUrl });
        line = { subject: m.subject, text: m.text };
      } catch {
        // The stored data no longer fits its template: the subject line alone says it happened.
      }
    }
    const list = byUser.get(item.userId) ?? [];
    list.push(line);
    byUser.set(item.userId, list);
  }
  const ids = await notify(database.db, {
    kind: DIGEST_KIND,
    template: digestTemplate,
    at: clock.now(),
    cause: `digest:${input.day}`,
    items: [...byUser].map(([userId, items]) => ({
      to: { userId },
      dedupeKey: `digest:${userId}:${input.day}`,
      data: { day: input.day, items },
    })),
  });
  return { day: input.day, accounts: byUser.size, items: held.length, written: ids.length };
}
