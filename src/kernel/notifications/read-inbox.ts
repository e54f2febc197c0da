/** A person's inbox: their notifications, newest first, rendered with each one's template. */
import type { Db } from "../../platform/db/index.ts";
import { inboxOwnerOf, inboxRows, unreadCount } from "./inbox.repo.ts";
import { renderNotification, type TemplateRegistry } from "./template.ts";

/** One inbox entry as shown. */
export interface InboxItem {
  id: number;
  kind: string;
  subject: string;
  text: string;
  /** The first link of the message (where to act), absolute. */
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** The viewer's newest notifications (all, or unread only) and their unread count. */
export async function readInbox(input: {
  db: Db;
  templates: TemplateRegistry;
  baseUrl: string;
  userId: number;
  limit?: number;
  unreadOnly?: boolean;
}): Promise<{ unread: number; items: InboxItem[] }> {
  const owner = await inboxOwnerOf(input.db, input.userId);
  const [unread, rows] = await Promise.all([
    unreadCount(input.db, owner),
    inboxRows(input.db, { owner, limit: input.limit ?? 100, unreadOnly: input.unreadOnly }),
  ]);
  const items = rows.map((r) => {
    const template = input.templates.get(r.templateId);
    let subject = `A ${r.kind} notification`;
    let text = "";
    if (template) {
      try {
        const m = renderNotification({ template, data: r.data, baseUrl: input.baseUrl });
        subject = m.subject;
        text = m.text;
      } catch {
        // Stored data that no longer fits its template: the kind alone is shown.
      }
    }
    const link = /https?:\/\/\S+/.exec(text)?.[0] ?? null;
    return { id: r.id, kind: r.kind, subject, text, link, createdAt: r.createdAt, readAt: r.readAt };
  });
  return { unread, items };
}

/** The viewer's unread count alone (every page's header). */
export async function inboxUnread(input: { db: Db; userId: number }): Promise<number> {
  return unreadCount(input.db, await inboxOwnerOf(input.db, input.userId));
}
