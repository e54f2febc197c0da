/**
 * Notification templates: each kind of message is one object holding its data schema, subject,
 * text body and optional HTML body. Rooms define theirs beside their code and list them in their
 * door; the delivery job renders with the base URL configured when it runs, so every link is absolute.
 */
import type { z } from "zod";

/** What a template renders to. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

/** Helpers a template renders with. */
export interface RenderTools {
  /** The absolute URL of an application path (`/groups/x` -> `https://host/groups/x`). */
  url(path: string): string;
  /** Escapes text for the HTML body. */
  escapeHtml(text: string): string;
}

/** A template; `S` checks the data written with each notification. */
export interface NotificationTemplate<S extends z.ZodType = z.ZodType> {
  /** `room.what` (`governance.term-reminder`); stored with each notification. */
  id: string;
  data: S;
  render(data: z.output<S>, tools: RenderTools): RenderedMessage;
}

/** Declares a template (typed data for its render function). */
export function defineTemplate<S extends z.ZodType>(
  template: NotificationTemplate<S>,
): NotificationTemplate<S> {
  return template;
}

/** Templates by id, as the delivery job looks them up. */
export type TemplateRegistry = ReadonlyMap<string, NotificationTemplate>;

/** Builds the registry from every room's list; two templates with one id are a mistake. */
export function templateRegistry(templates: ReadonlyArray<NotificationTemplate>): TemplateRegistry {
  const map = new Map<string, NotificationTemplate>();
  for (const t of templates) {
    if (map.has(t.id)) throw new Error(`two notification templates are named ${t.id}`);
    map.set(t.id, t);
  }
  return map;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Renders `data` with `template`; throws when the stored data no longer fits its schema. */
export function renderNotification(input: {
  template: NotificationTemplate;
  data: unknown;
  baseUrl: string;
}): RenderedMessage {
  const data = input.template.data.parse(input.data);
  const base = input.baseUrl.replace(/\/+$/, "");
  return input.template.render(data, {
    // Joined as text, so a base URL with a path prefix (`https://host/guildhall`) keeps it.
    url: (path) => new URL(`${base}${path.startsWith("/") ? path : `/${path}`}`).toString(),
    escapeHtml: (text) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c),
  });
}
