/**
 * Rules that say two people may be the same person. Pure: imports nothing from platform/.
 * A match never merges anyone: it becomes an alias suggestion that a person reviews.
 */
import { keyTokens, normaliseHandle } from "./person-key.ts";

/** What the rules know about one person. */
export interface MatchCandidate {
  /** The person key (see personKey). */
  key: string;
  handle: string | null;
}

/** Why two people may be the same person; null when no rule applies. */
export type MatchReason =
  | "same handle"
  | "same surname, first name is a prefix"
  | "one name is a token of the other"
  | "same first and last name";

/** Applies the matching rules in order of strength and returns the first reason that holds. */
export function matchPeople(a: MatchCandidate, b: MatchCandidate): MatchReason | null {
  if (a.key === b.key) return null; // one key is one person already: nothing to suggest
  const ha = normaliseHandle(a.handle);
  const hb = normaliseHandle(b.handle);
  if (ha && hb && ha === hb) return "same handle";
  const ta = keyTokens(a.key);
  const tb = keyTokens(b.key);
  if (ta.length === 0 || tb.length === 0) return null;
  if (ta.length >= 2 && tb.length >= 2) {
    const firstA = ta[0] ?? "";
    const firstB = tb[0] ?? "";
    const sameLast = ta[ta.length - 1] === tb[tb.length - 1];
    if (sameLast && firstA !== firstB && (firstA.startsWith(firstB) || firstB.startsWith(firstA))) {
      // "Eli Rosselli" / "Eliana Rosselli"; a one-letter initial ("E. Rosselli") counts too.
      return "same surname, first name is a prefix";
    }
    if (sameLast && firstA === firstB && ta.length !== tb.length) {
      // "Benjamin Bach" / "Benjamin Balder Bach": a middle name written or left out.
      return "same first and last name";
    }
  }
  const [shorter, longer] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (shorter.length === 1 && longer.length > 1) {
    const only = shorter[0] ?? "";
    // Single names ("Sheena", "Afi") match a token of a fuller name; very short tokens are too common.
    if (only.length >= 3 && longer.includes(only)) return "one name is a token of the other";
  }
  return null;
}

/** Of two spellings of the same person, the one to keep: more name tokens, then longer, then the first. */
export function preferredSpelling(a: string, b: string): "a" | "b" {
  const ta = keyTokens(a).length;
  const tb = keyTokens(b).length;
  if (ta !== tb) return ta > tb ? "a" : "b";
  if (a.length !== b.length) return a.length > b.length ? "a" : "b";
  return "a";
}
