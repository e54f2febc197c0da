/**
 * INI files the way Python's configparser reads setup.cfg and tox.ini: `[section]`, `key = value`
 * or `key: value`, full-line `#`/`;` comments, and values continued on indented lines (how
 * setup.cfg writes classifiers and install_requires). The npm INI parsers tried (ini 7,
 * config-ini-parser 1.6, configparser 0.3) read continuation lines as keys of their own, and none
 * gives line numbers, so this small reader exists. Pure.
 */

/** One value line with its 1-based line number. */
export interface IniLine {
  text: string;
  line: number;
}

/** One option: its key line and the value's lines (first line, then continuations). */
export interface IniOption {
  line: number;
  /** The whole value, continuation lines joined by "\n" (as configparser returns it). */
  value: string;
  lines: IniLine[];
}

/** Sections by name; options by lower-cased key. */
export type IniFile = Map<string, { line: number; options: Map<string, IniOption> }>;

/** Parses INI text; a line that is neither section, option, comment nor continuation throws with its number. */
export function parseIni(text: string): IniFile {
  const out: IniFile = new Map();
  let section: { line: number; options: Map<string, IniOption> } | null = null;
  let current: IniOption | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const n = i + 1;
    const stripped = raw.trim();
    if (stripped === "" || /^[#;]/.test(stripped)) {
      if (stripped === "" && current) current.lines.push({ text: "", line: n });
      return;
    }
    if (current && /^\s/.test(raw)) {
      current.lines.push({ text: stripped, line: n });
      return;
    }
    const header = /^\[([^\]]+)\]\s*([#;].*)?$/.exec(stripped);
    if (header) {
      const name = (header[1] as string).trim();
      section = out.get(name) ?? { line: n, options: new Map() };
      out.set(name, section);
      current = null;
      return;
    }
    const option = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!option || !section)
      throw new Error(`line ${n}: not an INI option or section: "${stripped.slice(0, 60)}"`);
    current = { line: n, value: "", lines: [{ text: (option[2] as string).trim(), line: n }] };
    section.options.set((option[1] as string).trim().toLowerCase(), current);
  });
  for (const s of out.values()) {
    for (const o of s.options.values()) {
      while (o.lines.length > 1 && o.lines[o.lines.length - 1]?.text === "") o.lines.pop();
      o.value = o.lines
        .map((l) => l.text)
        .join("\n")
        .trim();
    }
  }
  return out;
}

/** The non-empty value lines of an option (a multi-line list), or [] when absent. */
export function iniList(file: IniFile, section: string, key: string): IniLine[] {
  const o = file.get(section)?.options.get(key);
  if (!o) return [];
  return o.lines
    .map((l) => ({ text: l.text.replace(/\s+#.*$/, "").trim(), line: l.line }))
    .filter((l) => l.text !== "");
}
