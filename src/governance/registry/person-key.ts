/**
 * Normalised spellings of people's names and handles. Pure: imports nothing from platform/.
 * A person key is what two spellings of the same written name have in common: case, spacing,
 * diacritics ("Çağıl" = "cagil"), punctuation and any handle written beside the name are ignored.
 */

const HANDLE_IN_PARENS = /\(([^)]*)\)/g;
const AT_HANDLE = /(^|\s)@[\w.-]+/g;

/** Removes diacritics and folds letters that NFKD does not decompose (ı, ø, ł, ß). */
function foldLetters(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ı/g, "i")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae");
}

/** The normalised key of a written name: "  Çağıl  Uluşahin (@cagil) " -> "cagil ulusahin". */
export function personKey(name: string): string {
  const withoutHandles = name.replace(HANDLE_IN_PARENS, " ").replace(AT_HANDLE, " ");
  return foldLetters(withoutHandles)
    .toLowerCase()
    .replace(/[’'`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** The tokens of a person key ("eliana rosselli" -> ["eliana", "rosselli"]). */
export function keyTokens(key: string): string[] {
  return key.split(" ").filter((t) => t.length > 0);
}

/** A handle without its "@" or platform prefix, lower-cased; null when nothing is left. */
export function normaliseHandle(handle: string | null | undefined): string | null {
  if (!handle) return null;
  const bare = handle
    .trim()
    .replace(/^(github|gh|forum|discord|mastodon|twitter|x)\s*:\s*/i, "")
    .replace(/^@+/, "")
    .trim()
    .toLowerCase();
  return bare.length > 0 ? bare : null;
}

/** The URL slug for a person key ("eliana rosselli" -> "eliana-rosselli"); "person" if empty. */
export function personSlugBase(key: string): string {
  const slug = key.replace(/\s+/g, "-").replace(/[^a-z0-9-]/g, "");
  return slug.length > 0 ? slug : "person";
}

/** The display name written in a charter, with any handle in parentheses or "@x" removed. */
export function displayName(name: string): string {
  const cleaned = name.replace(HANDLE_IN_PARENS, " ").replace(AT_HANDLE, " ").replace(/\s+/g, " ").trim();
  return cleaned.length > 0 ? cleaned : name.trim();
}
