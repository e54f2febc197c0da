/**
 * Where to send a visitor after signing in (`next`): only a path on this site. The value is parsed
 * as a URL against the base URL, the way a browser would read it, and accepted only when it stays
 * on the base URL's origin; what is returned is the parsed URL's own serialisation, so it is
 * always safe in a Location header.
 */

/** Longest `next` accepted; a real path on this site is far shorter. */
const MAX_LENGTH = 2048;

/**
 * The same-origin path (`/path?query#hash`) that `value` names, or null when it names anything
 * else: another host (`//x`, `/\x`, `https:x`), a scheme (`javascript:`), or text a browser would
 * rewrite before following (tabs, newlines and other control characters are refused outright, not
 * stripped, since `/<TAB>/evil.example` becomes `//evil.example` in a browser).
 */
export function localPath(value: unknown, baseUrl: string): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(baseUrl);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The serialisation must itself read back as the same local path (no `//` after normalising `/./`).
  return path.startsWith("//") ? null : path;
}
