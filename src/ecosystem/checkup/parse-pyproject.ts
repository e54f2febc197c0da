/**
 * Reads pyproject.toml: PEP 621 `[project]` (setuptools, hatch, flit, pdm), `[tool.poetry]` and the
 * older `[tool.flit.metadata]`. Pure: text in, facts out; a broken file throws UnreadableFile.
 */
import { parse, TomlError } from "smol-toml";
import { keyLine, tableLine, valueLine } from "./text-lines.ts";
import type { CheckupFacts, Located } from "./types.ts";

/** A packaging file that cannot be read as its format; the message names the file and line. */
export class UnreadableFile extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "UnreadableFile";
    this.file = file;
  }
}

type Table = Record<string, unknown>;

function table(v: unknown): Table | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Table) : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The Django specifier of a PEP 508 line (`Django>=4.2,<6` -> `>=4.2,<6`), or null when not Django. */
export function djangoSpecifierOf(requirement: string): string | null {
  const m = /^\s*django\s*(\[[^\]]*\])?\s*(\(?\s*([^;]*?)\s*\)?)?\s*(;.*)?$/i.exec(requirement);
  if (!m) return null;
  if (/extra\s*==/.test(m[4] ?? "")) return null;
  return (m[3] ?? "").replace(/\s+/g, "");
}

/** Reads a pyproject.toml text into the facts it carries. */
export function parsePyproject(text: string, file = "pyproject.toml"): Partial<CheckupFacts> {
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    if (e instanceof TomlError) {
      const first = e.message.split("\n")[0]?.replace(/^Invalid TOML document:\s*/, "") ?? "invalid TOML";
      throw new UnreadableFile(file, `line ${e.line}: invalid TOML (${first})`);
    }
    throw new UnreadableFile(file, "invalid TOML");
  }
  const out: Partial<CheckupFacts> = {};
  const at = (tableName: string | null, key: string) => ({ file, line: keyLine(text, tableName, key) });
  const project = table(doc.project);
  const tool = table(doc.tool);
  const poetry = table(tool?.poetry);
  const flitMeta = table(table(tool?.flit)?.metadata);

  const located = (values: string[], from: number | null): Located<string>[] =>
    values.map((v) => ({ value: v, at: { file, line: valueLine(text, v, from ?? 1) } }));

  if (project) {
    const start = tableLine(text, "project");
    if (typeof project.name === "string") out.name = { value: project.name, at: at("project", "name") };
    if (typeof project["requires-python"] === "string")
      out.requiresPython = { value: project["requires-python"], at: at("project", "requires-python") };
    out.classifiers = located(strings(project.classifiers), start);
    for (const dep of strings(project.dependencies)) {
      const spec = djangoSpecifierOf(dep);
      if (spec !== null) {
        out.djangoRequirement = { value: spec, at: { file, line: valueLine(text, dep, start ?? 1) } };
        break;
      }
    }
    const lic = project.license;
    if (typeof lic === "string") out.license = { value: lic, at: at("project", "license") };
    else if (table(lic)) {
      const t = table(lic) as Table;
      const value =
        typeof t.text === "string" ? t.text : typeof t.file === "string" ? `file ${t.file}` : null;
      if (value) out.license = { value, at: at("project", "license") };
    }
    const urls = table(project.urls);
    const urlsLine = tableLine(text, "project.urls") ?? start;
    if (urls) {
      out.projectUrls = Object.entries(urls)
        .filter((e): e is [string, string] => typeof e[1] === "string")
        .map(([label, url]) => ({
          value: { label, url },
          at: { file, line: valueLine(text, url, urlsLine ?? 1) },
        }));
    }
  }
  if (poetry) {
    const start = tableLine(text, "tool.poetry");
    if (!out.name && typeof poetry.name === "string")
      out.name = { value: poetry.name, at: at("tool.poetry", "name") };
    if (!out.classifiers?.length) out.classifiers = located(strings(poetry.classifiers), start);
    if (!out.license && typeof poetry.license === "string")
      out.license = { value: poetry.license, at: at("tool.poetry", "license") };
    const deps = table(poetry.dependencies);
    const depsLine = tableLine(text, "tool.poetry.dependencies");
    for (const [key, v] of Object.entries(deps ?? {})) {
      const spec =
        typeof v === "string"
          ? v
          : typeof table(v)?.version === "string"
            ? (table(v)?.version as string)
            : null;
      if (spec === null) continue;
      const where = {
        file,
        line: depsLine === null ? start : keyLine(text, "tool.poetry.dependencies", key),
      };
      if (key.toLowerCase() === "python" && !out.requiresPython)
        out.requiresPython = { value: spec, at: where };
      if (key.toLowerCase() === "django" && !out.djangoRequirement)
        out.djangoRequirement = { value: spec === "*" ? "" : spec, at: where };
    }
    const urls = table(poetry.urls);
    const extra: Located<{ label: string; url: string }>[] = [];
    for (const key of ["homepage", "repository", "documentation"]) {
      const url = poetry[key];
      if (typeof url === "string") extra.push({ value: { label: key, url }, at: at("tool.poetry", key) });
    }
    for (const [label, url] of Object.entries(urls ?? {})) {
      if (typeof url === "string")
        extra.push({ value: { label, url }, at: { file, line: keyLine(text, "tool.poetry.urls", label) } });
    }
    if (!out.projectUrls?.length && extra.length) out.projectUrls = extra;
  }
  if (flitMeta) {
    const start = tableLine(text, "tool.flit.metadata");
    const name = flitMeta["dist-name"] ?? flitMeta.module;
    if (!out.name && typeof name === "string")
      out.name = { value: name, at: at("tool.flit.metadata", "module") };
    if (!out.requiresPython && typeof flitMeta["requires-python"] === "string")
      out.requiresPython = {
        value: flitMeta["requires-python"],
        at: at("tool.flit.metadata", "requires-python"),
      };
    if (!out.classifiers?.length) out.classifiers = located(strings(flitMeta.classifiers), start);
    for (const dep of strings(flitMeta.requires)) {
      const spec = djangoSpecifierOf(dep);
      if (spec !== null && !out.djangoRequirement) {
        out.djangoRequirement = { value: spec, at: { file, line: valueLine(text, dep, start ?? 1) } };
      }
    }
    if (!out.license && typeof flitMeta.license === "string")
      out.license = { value: flitMeta.license, at: at("tool.flit.metadata", "license") };
  }
  return out;
}
