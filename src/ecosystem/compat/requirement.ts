/**
 * PEP 508 requirement strings (`Django (>=3.2,<5.0) ; python_version < "3.10"`) split into name,
 * extras, specifier and marker. Versions and specifiers themselves are validated and evaluated by
 * @renovatebot/pep440; this file only splits the string and writes specifiers and markers in the
 * canonical form Python's `packaging` prints. Pure: imports nothing from platform/.
 */
import { validRange } from "@renovatebot/pep440";

/** A parsed requirement. */
export interface Requirement {
  /** The name as written. */
  name: string;
  /** PEP 503 normalised name. */
  key: string;
  extras: string[];
  /** Comma-separated specifiers in packaging's canonical form (sorted, no spaces); "" for any version. */
  specifier: string;
  url: string | null;
  /** The marker in packaging's canonical form, or null. */
  marker: string | null;
  /** True when the marker mentions `extra`, i.e. the requirement applies only with an optional extra. */
  extraOnly: boolean;
}

/** PEP 503 name normalisation. */
export function normaliseName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

/** Writes a specifier set as packaging does: each clause without spaces, clauses sorted, joined by commas. */
export function canonicalSpecifier(spec: string): string {
  const parts = spec
    .split(",")
    .map((p) => p.replace(/\s+/g, ""))
    .filter((p) => p !== "");
  return parts.sort().join(",");
}

/** Parses one requirement string; throws an Error naming the problem when it is not PEP 508. */
export function parseRequirement(text: string): Requirement {
  const m = NAME.exec(text);
  if (!m) throw new Error(`not a requirement (no project name): "${text}"`);
  const name = m[1] as string;
  let rest = text.slice(m[0].length);
  let extras: string[] = [];
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0) throw new Error(`unclosed extras in "${text}"`);
    extras = rest
      .slice(1, close)
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== "")
      .sort();
    rest = rest.slice(close + 1).trimStart();
  }
  let url: string | null = null;
  let specText = "";
  let markerText: string | null = null;
  if (rest.startsWith("@")) {
    const urlMatch = /^@\s*(\S+)(\s+;(.*))?\s*$/s.exec(rest);
    if (!urlMatch) throw new Error(`bad URL requirement "${text}"`);
    url = urlMatch[1] as string;
    markerText = urlMatch[3] ?? null;
  } else {
    const semi = rest.indexOf(";");
    specText = (semi < 0 ? rest : rest.slice(0, semi)).trim();
    markerText = semi < 0 ? null : rest.slice(semi + 1);
    if (specText.startsWith("(")) {
      if (!specText.endsWith(")")) throw new Error(`unclosed "(" in "${text}"`);
      specText = specText.slice(1, -1).trim();
    }
    if (specText !== "" && !validRange(specText)) {
      throw new Error(`invalid version specifier "${specText}" in "${text}"`);
    }
  }
  const marker = markerText === null ? null : formatMarker(markerText);
  return {
    name,
    key: normaliseName(name),
    extras,
    specifier: canonicalSpecifier(specText),
    url,
    marker,
    extraOnly: marker !== null && /(^|[\s(])extra\s*(==|!=|===|in|not)/.test(marker),
  };
}

type Token =
  | { t: "var"; v: string }
  | { t: "str"; v: string }
  | { t: "op"; v: string }
  | { t: "bool"; v: "and" | "or" }
  | { t: "("; v: "(" }
  | { t: ")"; v: ")" };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    const str = /^('([^']*)'|"([^"]*)")/.exec(rest);
    if (str) {
      out.push({ t: "str", v: str[2] ?? str[3] ?? "" });
      i += str[0].length;
      continue;
    }
    const op = /^(===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b)/.exec(rest);
    if (op) {
      out.push({ t: "op", v: op[0].startsWith("not") ? "not in" : op[0] });
      i += op[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      if (word[0] === "and" || word[0] === "or") out.push({ t: "bool", v: word[0] });
      else out.push({ t: "var", v: word[0] });
      i += word[0].length;
      continue;
    }
    if (rest[0] === "(") out.push({ t: "(", v: "(" });
    else if (rest[0] === ")") out.push({ t: ")", v: ")" });
    else throw new Error(`unexpected "${rest[0]}" in marker "${text.trim()}"`);
    i++;
  }
  return out;
}

type Item = [string, string, string];
type Expr = Array<Expr | Item | string>;

/** Parses a marker and writes it the way packaging's `str(Marker)` does (double quotes, single spaces). */
export function formatMarker(text: string): string {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const side = (): string => {
    const tok = tokens[pos++];
    if (!tok || (tok.t !== "var" && tok.t !== "str")) throw new Error(`bad marker "${text.trim()}"`);
    if (tok.t === "str") return `"${tok.v}"`;
    return tok.v === "python_implementation" ? "platform_python_implementation" : tok.v;
  };
  const atom = (): Expr | Item => {
    if (peek()?.t === "(") {
      pos++;
      const inner = expr();
      if (peek()?.t !== ")") throw new Error(`unclosed "(" in marker "${text.trim()}"`);
      pos++;
      return inner;
    }
    const lhs = side();
    const op = tokens[pos++];
    if (op?.t !== "op") throw new Error(`missing operator in marker "${text.trim()}"`);
    let rhs = side();
    let left = lhs;
    // packaging normalises the value compared with `extra` (PEP 685).
    if (lhs === "extra" && rhs.startsWith('"')) rhs = `"${normaliseName(rhs.slice(1, -1))}"`;
    if (rhs === "extra" && lhs.startsWith('"')) left = `"${normaliseName(lhs.slice(1, -1))}"`;
    return [left, op.v, rhs];
  };
  const expr = (): Expr => {
    const out: Expr = [atom()];
    while (peek()?.t === "bool") {
      out.push((tokens[pos++] as Token).v);
      out.push(atom());
    }
    return out;
  };
  const parsed = expr();
  if (pos !== tokens.length) throw new Error(`unexpected text in marker "${text.trim()}"`);
  return format(parsed, true);
}

function isItem(x: Expr | Item | string): x is Item {
  return Array.isArray(x) && x.length === 3 && typeof x[0] === "string";
}

function format(m: Expr | Item | string, first: boolean): string {
  if (typeof m === "string") return m;
  if (isItem(m)) return m.join(" ");
  if (m.length === 1 && Array.isArray(m[0])) return format(m[0], true);
  const inner = m.map((x) => format(x, false));
  return first ? inner.join(" ") : `(${inner.join(" ")})`;
}
