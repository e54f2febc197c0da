/**
 * Finding a person from what someone typed: an id, a slug, a name or an alias, spelt any way the
 * person key folds (case, accents, spacing). Pure: imports nothing from platform/. Only an exact
 * match resolves; a partial one ("Ada" for "Ada Lovelace") is offered as a choice, so nobody is
 * picked for a decision from a guess.
 */
import { keyTokens, personKey } from "./person-key.ts";

/** A person who can be found, with the other spellings they are known by. */
export interface PersonCandidate {
  id: number;
  slug: string;
  name: string;
  aliases: readonly string[];
}

/** What a lookup found: exactly one person, nobody, or people to choose from. */
export type PersonLookup<P extends PersonCandidate = PersonCandidate> =
  | { kind: "one"; person: P }
  | { kind: "none" }
  | { kind: "choose"; people: P[] };

const SLUG_IN_PARENS = /\(([a-z0-9-]+)\)\s*$/;

function keysOf(p: PersonCandidate): string[] {
  return [...new Set([p.name, ...p.aliases].map(personKey).filter((k) => k.length > 0))];
}

/** True when every typed token starts some token of one of the person's spellings. */
function partlyMatches(p: PersonCandidate, typedTokens: readonly string[]): boolean {
  return keysOf(p).some((key) => {
    const tokens = keyTokens(key);
    return typedTokens.every((t) => tokens.some((k) => k.startsWith(t)));
  });
}

function byName<P extends PersonCandidate>(a: P, b: P): number {
  return a.name.localeCompare(b.name) || a.id - b.id;
}

/** People whose spellings partly match `typed` (each typed word starts a word of theirs), by name. */
export function matchingPeople<P extends PersonCandidate>(
  candidates: readonly P[],
  typed: string,
  limit = 20,
): P[] {
  const tokens = keyTokens(personKey(typed));
  if (tokens.length === 0) return [];
  return candidates
    .filter((p) => partlyMatches(p, tokens))
    .sort(byName)
    .slice(0, limit);
}

/** Finds the person `typed` names (see the module comment); `limit` bounds the choices offered. */
export function lookupPerson<P extends PersonCandidate>(
  candidates: readonly P[],
  typed: string,
  limit = 10,
): PersonLookup<P> {
  const text = typed.trim();
  if (text === "") return { kind: "none" };
  if (/^\d{1,10}$/.test(text)) {
    const person = candidates.find((p) => p.id === Number(text));
    return person ? { kind: "one", person } : { kind: "none" };
  }
  // "Ada Lovelace (ada-lovelace-2)", as the suggestions write people who share a name.
  const slug = SLUG_IN_PARENS.exec(text)?.[1] ?? text;
  const bySlug = candidates.find((p) => p.slug === slug);
  if (bySlug) return { kind: "one", person: bySlug };
  const key = personKey(text);
  if (key === "") return { kind: "none" };
  const exact = candidates.filter((p) => keysOf(p).includes(key)).sort(byName);
  if (exact.length === 1 && exact[0]) return { kind: "one", person: exact[0] };
  if (exact.length > 1) return { kind: "choose", people: exact.slice(0, limit) };
  const partial = matchingPeople(candidates, text, limit);
  return partial.length === 0 ? { kind: "none" } : { kind: "choose", people: partial };
}

/**
 * The suggestion values for a list of people: the name, or "Name (slug)" when several people
 * share it, so that choosing a suggestion always resolves to one person.
 */
export function suggestionValues<P extends PersonCandidate>(people: readonly P[]): Map<number, string> {
  const counts = new Map<string, number>();
  for (const p of people) counts.set(personKey(p.name), (counts.get(personKey(p.name)) ?? 0) + 1);
  return new Map(
    people.map((p) => [p.id, (counts.get(personKey(p.name)) ?? 0) > 1 ? `${p.name} (${p.slug})` : p.name]),
  );
}
