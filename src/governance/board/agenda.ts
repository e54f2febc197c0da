/**
 * The Board's agenda as an open list of sections. Each area that has something for the Board to
 * look at (reports, votes, funding requests, charter proposals, shutdowns, requests between
 * groups) registers its own section once, from its own code, with `defineAgendaSection`; the
 * agenda page, its markdown export and `GET /api/board/agenda` show every registered section in
 * `order`, so adding one edits no file here.
 *
 * A section's `load` reads what belongs on the agenda of the next Board meeting, given the day and
 * the last Board meeting's day (`since`; null when none was recorded: see `sinceDay`), and returns
 * plain items: a line of text, an optional site-relative link, facts, and the day the item is
 * about. The page, the markdown and the JSON are all drawn from those items, so a section needs no
 * view of its own.
 *
 * Register from a module the area's router imports (as vote subjects are), so the section exists
 * in the server, the command line and tests alike.
 */
import type { Db, Tx } from "../../platform/db/index.ts";

/** What every section's loader gets. */
export interface AgendaContext {
  db: Db | Tx;
  /** Today, YYYY-MM-DD (from the injected clock). */
  day: string;
  /** The day of the last Board meeting on or before today, or null when none is recorded. */
  lastMeetingOn: string | null;
  /** The first day the agenda covers: the last meeting's day, or a default window's start. */
  since: string;
  /** The period in words ("since the Board meeting of 2026-11-19"), for titles; default "since <since>". */
  coverage?: string;
  /** The next Board meeting's day after today, or null when none is recorded. */
  nextMeetingOn: string | null;
  /** The viewer's person id (secret ballots and the like may depend on it), or null. */
  viewerPersonId: number | null;
  /**
   * Work shared by the sections of one agenda and the page around it (every group's reporting,
   * the liaison problems): see `shared`. `loadAgendaSections` makes one when none is given.
   */
  memo?: AgendaMemo;
}

/** Results computed once per request, by key (one page, one agenda). */
export type AgendaMemo = Map<string, Promise<unknown>>;

/**
 * `load()` once per memo and key: later callers with the same memo get the same promise (so the
 * same rows; do not change them). Without a memo it just loads.
 */
export function shared<T>(memo: AgendaMemo | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (!memo) return load();
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = load();
    memo.set(key, found);
  }
  return found;
}

/** One line of an agenda section. */
export interface AgendaItem {
  /** What the Board is asked to look at, in one line. */
  text: string;
  /** A site-relative link to the record (`/groups/x/reports/3`), or null. */
  href: string | null;
  /** Short facts shown after the line ("due 2026-11-14", "EUR 1,200.00"). */
  facts: string[];
  /** The day the item is about (received, due, ends), YYYY-MM-DD, or null. */
  day: string | null;
}

/** A section as an area registers it. */
export interface AgendaSectionDefinition {
  /** Stable identifier (`reports-received`), used in the JSON and as the HTML anchor. */
  key: string;
  /** The heading, or a function of the context (to name the period it covers). */
  title: string | ((context: AgendaContext) => string);
  /** Where the section sits: lower first. The built-in sections use 10, 20, ... 90. */
  order: number;
  /** Where the items come from, said under the heading ("reports submitted in Guildhall"). */
  source: string;
  /** What an empty section means ("No report was received since the last meeting."). */
  empty: string;
  /** Reads the section's items. */
  load: (context: AgendaContext) => Promise<AgendaItem[]>;
}

/** A loaded section, as the page, the markdown and the API show it. */
export interface AgendaSection {
  key: string;
  title: string;
  order: number;
  source: string;
  empty: string;
  items: AgendaItem[];
}

const KEY = /^[a-z][a-z0-9-]{0,62}$/;
const registry = new Map<string, AgendaSectionDefinition>();

/** Registers an agenda section; a key is registered once. Returns the definition. */
export function defineAgendaSection(definition: AgendaSectionDefinition): AgendaSectionDefinition {
  if (!KEY.test(definition.key)) {
    throw new Error(`Agenda section key "${definition.key}": use lower-case letters, digits and dashes.`);
  }
  if (registry.has(definition.key)) {
    throw new Error(`The agenda section "${definition.key}" is already registered.`);
  }
  if (!Number.isFinite(definition.order)) {
    throw new Error(`The agenda section "${definition.key}" needs a finite order.`);
  }
  registry.set(definition.key, definition);
  return definition;
}

/** The registered sections, by order then key. */
export function agendaSections(): AgendaSectionDefinition[] {
  return [...registry.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/** Loads every registered section, in order (one after another: they share one connection). */
export async function loadAgendaSections(given: AgendaContext): Promise<AgendaSection[]> {
  const context = given.memo ? given : { ...given, memo: new Map() };
  const sections: AgendaSection[] = [];
  for (const s of agendaSections()) {
    sections.push({
      key: s.key,
      title: typeof s.title === "function" ? s.title(context) : s.title,
      order: s.order,
      source: s.source,
      empty: s.empty,
      items: await s.load(context),
    });
  }
  return sections;
}

/** Without a recorded Board meeting the agenda covers this many days before today. */
export const DEFAULT_AGENDA_WINDOW_DAYS = 31;
