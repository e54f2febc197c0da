/**
 * What every page rendered for a request may need without it being passed down by hand: the
 * signed-in viewer (for the header), the CSRF token (for the one CSRF field every form carries),
 * and, when a submission was refused, what was typed and what was wrong (for the form that sent it).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { FieldIssue } from "../errors.ts";

/** A link in the site header's navigation. */
export interface NavLink {
  href: string;
  label: string;
}

/** Who is looking at a page, as far as the layout needs to know. */
export interface LayoutViewer {
  name: string;
  /**
   * Navigation entries for this viewer ("My groups", and the Board's and administrators' pages
   * for those the policy lets see them), decided on the server per request.
   */
  links?: readonly NavLink[];
  /** Unread notifications in the viewer's inbox (shown beside the inbox link), when known. */
  unread?: number;
}

/** The values a form sent, by field name (repeated fields, such as checkboxes, as arrays). */
export type FormValues = Record<string, string | string[]>;

/** A refused form submission, re-shown on the page that holds the form. */
export interface Refusal {
  /** The path the form was sent to: the form on the page with this action shows the values and problems. */
  action: string;
  /** What was typed, so nothing is lost. */
  values: FormValues;
  /** Problems by field name; a field that is not in the form is named in the summary only. */
  issues: readonly FieldIssue[];
  /** The refusal in one sentence, shown when no field is named. */
  message: string;
  /** Labels of the refused form's fields, filled in while the form renders (for the summary). */
  labels: Map<string, string>;
}

/** The request's page context. */
export interface PageContext {
  viewer: LayoutViewer | null;
  csrfToken: string;
  refusal: Refusal | null;
}

const storage = new AsyncLocalStorage<PageContext>();

/** Runs `fn` with the request's page context (the HTTP app does this for every request). */
export function withPageContext<T>(context: PageContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The page context of the request being handled (an anonymous one outside a request: tests, the CLI). */
export function pageContext(): PageContext {
  return storage.getStore() ?? { viewer: null, csrfToken: "", refusal: null };
}
