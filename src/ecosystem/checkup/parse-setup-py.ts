/**
 * Reads setup.py without running it: the literal keyword arguments of the `setup(...)` call
 * (strings, lists of strings, dicts of strings) and module-level constants they name
 * (`classifiers=CLASSIFIERS`). Anything computed is left unknown rather than guessed. Pure.
 */

import { djangoSpecifierOf } from "./parse-pyproject.ts";
import { lineAt } from "./text-lines.ts";
import type { CheckupFacts, Located } from "./types.ts";

interface Literal {
  kind: "string" | "list" | "dict";
  strings: Array<{ value: string; index: number }>;
  pairs: Array<{ key: string; value: string; index: number }>;
}

const STRING = /^(?:[rRuUbB]{0,2})("""|'''|"|')/;

/** Reads one Python string literal at `i`; returns its value and the index after it. */
function readString(src: string, i: number): { value: string; end: number } | null {
  const m = STRING.exec(src.slice(i, i + 5));
  if (!m) return null;
  const quote = m[1] as string;
  let j = i + m[0].length;
  let value = "";
  while (j < src.length) {
    if (src.startsWith(quote, j)) return { value, end: j + quote.length };
    const ch = src[j] as string;
    if (ch === "\\" && j + 1 < src.length) {
      value += src[j + 1];
      j += 2;
      continue;
    }
    if (quote.length === 1 && ch === "\n") return null;
    value += ch;
    j++;
  }
  return null;
}

function skipSpace(src: string, i: number): number {
  let j = i;
  for (;;) {
    while (j < src.length && /\s/.test(src[j] as string)) j++;
    if (src[j] === "#") {
      while (j < src.length && src[j] !== "\n") j++;
      continue;
    }
    return j;
  }
}

/** Reads a literal (string, implicitly concatenated strings, list/tuple of strings, dict of strings). */
function readLiteral(src: string, start: number): Literal | null {
  let i = skipSpace(src, start);
  const first = readString(src, i);
  if (first) {
    let value = first.value;
    let end = first.end;
    for (;;) {
      const next = readString(src, skipSpace(src, end));
      if (!next) break;
      value += next.value;
      end = next.end;
    }
    return { kind: "string", strings: [{ value, index: i }], pairs: [] };
  }
  const open = src[i];
  if (open === "[" || open === "(") {
    const close = open === "[" ? "]" : ")";
    const strings: Literal["strings"] = [];
    i++;
    for (;;) {
      i = skipSpace(src, i);
      if (src[i] === close) return { kind: "list", strings, pairs: [] };
      const s = readString(src, i);
      if (!s) return strings.length ? { kind: "list", strings, pairs: [] } : null;
      strings.push({ value: s.value, index: i });
      i = skipSpace(src, s.end);
      if (src[i] === ",") i++;
    }
  }
  if (open === "{") {
    const pairs: Literal["pairs"] = [];
    i++;
    for (;;) {
      i = skipSpace(src, i);
      if (src[i] === "}") return { kind: "dict", strings: [], pairs };
      const k = readString(src, i);
      if (!k) return pairs.length ? { kind: "dict", strings: [], pairs } : null;
      i = skipSpace(src, k.end);
      if (src[i] !== ":") return null;
      const v = readString(src, skipSpace(src, i + 1));
      if (!v) return null;
      pairs.push({ key: k.value, value: v.value, index: k.end });
      i = skipSpace(src, v.end);
      if (src[i] === ",") i++;
    }
  }
  return null;
}

/** The literal bound to a keyword of the setup() call, following one module-level name. */
function keywordLiteral(src: string, callStart: number, key: string): Literal | null {
  const re = new RegExp(`[(,\\s]${key}\\s*=\\s*`, "g");
  re.lastIndex = callStart;
  const m = re.exec(src);
  if (!m) return null;
  const at = m.index + m[0].length;
  const direct = readLiteral(src, at);
  if (direct) return direct;
  const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(at));
  if (!ident) return null;
  const assign = new RegExp(`^${ident[0]}\\s*=\\s*`, "m").exec(src);
  return assign ? readLiteral(src, assign.index + assign[0].length) : null;
}

/** Reads a setup.py text into the facts its literal setup() arguments carry. */
export function parseSetupPy(src: string, file = "setup.py"): Partial<CheckupFacts> {
  const call = /\bsetup\s*\(/.exec(src);
  if (!call) return {};
  const start = call.index;
  const at = (index: number) => ({ file, line: lineAt(src, index) });
  const str = (key: string): Located<string> | null => {
    const lit = keywordLiteral(src, start, key);
    const s = lit?.kind === "string" ? lit.strings[0] : undefined;
    return s ? { value: s.value, at: at(s.index) } : null;
  };
  const list = (key: string): Located<string>[] => {
    const lit = keywordLiteral(src, start, key);
    return lit?.kind === "list" ? lit.strings.map((s) => ({ value: s.value, at: at(s.index) })) : [];
  };
  const out: Partial<CheckupFacts> = {};
  const name = str("name");
  if (name) out.name = name;
  const py = str("python_requires");
  if (py) out.requiresPython = py;
  out.classifiers = list("classifiers");
  for (const dep of list("install_requires")) {
    const spec = djangoSpecifierOf(dep.value);
    if (spec !== null) {
      out.djangoRequirement = { value: spec, at: dep.at };
      break;
    }
  }
  const lic = str("license");
  if (lic) out.license = lic;
  const urls = keywordLiteral(src, start, "project_urls");
  out.projectUrls =
    urls?.kind === "dict"
      ? urls.pairs.map((p) => ({ value: { label: p.key, url: p.value }, at: at(p.index) }))
      : [];
  const home = str("url");
  if (home) out.projectUrls.push({ value: { label: "Homepage", url: home.value }, at: home.at });
  return out;
}
