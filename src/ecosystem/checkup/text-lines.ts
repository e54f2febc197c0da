/**
 * Line numbers for evidence. The TOML parser gives values without positions, so the line of a key
 * or a quoted value is found again in the text. Pure.
 */

/** The 1-based line of a character offset. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The 1-based line where a `[table]` header starts (`project`, `tool.poetry`), or null. */
export function tableLine(text: string, table: string): number | null {
  const escaped = table.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\./g, "\\s*\\.\\s*");
  const m = new RegExp(`^\\s*\\[\\s*${escaped}\\s*\\]\\s*(#.*)?$`, "m").exec(text);
  return m ? lineAt(text, m.index) : null;
}

/** The 1-based line of the first line at or after `fromLine` that matches `pattern`, or null. */
export function findLine(text: string, pattern: RegExp, fromLine = 1): number | null {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = Math.max(0, fromLine - 1); i < lines.length; i++) {
    if (pattern.test(lines[i] as string)) return i + 1;
  }
  return null;
}

/** The line of `key =` inside a table (or at the top when table is null), falling back to the table line. */
export function keyLine(text: string, table: string | null, key: string): number | null {
  const start = table === null ? 1 : tableLine(text, table);
  if (start === null) return null;
  const k = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return findLine(text, new RegExp(`^\\s*["']?${k}["']?\\s*=`), start) ?? start;
}

/** The line of a quoted string value (a classifier, a dependency) at or after `fromLine`. */
export function valueLine(text: string, value: string, fromLine = 1): number | null {
  const v = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return findLine(text, new RegExp(`["']${v}["']`), fromLine) ?? findLine(text, new RegExp(v), fromLine);
}
