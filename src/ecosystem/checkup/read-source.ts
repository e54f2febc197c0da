/**
 * Reads a package's source tree (or one METADATA/PKG-INFO file) from disk into checkup facts.
 * Nothing is executed: setup.py and noxfile.py are read as text.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseCoreMetadata } from "../compat/core-metadata.ts";
import { findDjangoPrerelease, readPreCommit, readWorkflow } from "./parse-ci.ts";
import { djangoSpecifierOf, parsePyproject, UnreadableFile } from "./parse-pyproject.ts";
import { parseSetupCfg } from "./parse-setup-cfg.ts";
import { parseSetupPy } from "./parse-setup-py.ts";
import { findLine } from "./text-lines.ts";
import { type CheckupFacts, emptyFacts } from "./types.ts";

/** The path holds nothing a checkup can read (no packaging file, not a metadata file). */
export class NothingToCheck extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NothingToCheck";
  }
}

const PACKAGING = ["pyproject.toml", "setup.cfg", "setup.py"] as const;
const NOT_PACKAGES = new Set([
  "tests",
  "test",
  "docs",
  "doc",
  "example",
  "examples",
  "demo",
  "scripts",
  "build",
  "dist",
  "venv",
  "node_modules",
]);

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** Merges parsed facts: a field already found (from an earlier file) is kept. */
function merge(into: CheckupFacts, from: Partial<CheckupFacts>): void {
  const target = into as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(from)) {
    const current = target[key];
    const empty = current === null || (Array.isArray(current) && current.length === 0);
    const has = value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
    if (empty && has) target[key] = value;
  }
}

async function importPackages(root: string): Promise<CheckupFacts["importPackages"]> {
  const out: CheckupFacts["importPackages"] = [];
  for (const base of ["", "src"]) {
    for (const entry of await list(path.join(root, base))) {
      if (entry.startsWith(".") || NOT_PACKAGES.has(entry)) continue;
      const init = path.join(base, entry, "__init__.py");
      if ((await readText(path.join(root, init))) !== null)
        out.push({ value: entry, at: { file: init, line: null } });
    }
  }
  return out;
}

async function firstFile(root: string, names: RegExp): Promise<{ name: string; text: string } | null> {
  for (const entry of await list(root)) {
    if (!names.test(entry)) continue;
    const text = await readText(path.join(root, entry));
    if (text !== null && text.trim() !== "") return { name: entry, text };
  }
  return null;
}

/** Reads a source tree. Throws NothingToCheck without packaging files, UnreadableFile for a broken one. */
export async function readSourceTree(root: string): Promise<CheckupFacts> {
  const facts = emptyFacts("tree");
  for (const file of PACKAGING) {
    const text = await readText(path.join(root, file));
    if (text === null) continue;
    facts.packagingFiles.push(file);
    merge(
      facts,
      file === "pyproject.toml"
        ? parsePyproject(text, file)
        : file === "setup.cfg"
          ? parseSetupCfg(text, file)
          : parseSetupPy(text, file),
    );
  }
  if (facts.packagingFiles.length === 0)
    throw new NothingToCheck(
      `${root}: no pyproject.toml, setup.cfg or setup.py (is it a Python package's source tree?)`,
    );
  facts.importPackages = await importPackages(root);
  const readme = await firstFile(root, /^README(\.(md|rst|txt|markdown))?$/i);
  if (readme) facts.readme = { value: readme.name, at: { file: readme.name, line: null } };
  const licence = await firstFile(root, /^(LICEN[CS]E|COPYING)(\.(md|rst|txt))?$/i);
  if (licence) facts.licenseFile = { value: licence.name, at: { file: licence.name, line: null } };
  for (const dir of ["", ".github", "docs"]) {
    const found = await firstFile(path.join(root, dir), /^SECURITY(\.(md|rst|txt))?$/i);
    if (found && !facts.securityPolicy) {
      const rel = path.posix.join(dir, found.name);
      facts.securityPolicy = { value: rel, at: { file: rel, line: null } };
    }
  }
  const ci: Array<{ file: string; text: string }> = [];
  for (const entry of await list(path.join(root, ".github", "workflows"))) {
    if (!/\.ya?ml$/.test(entry)) continue;
    const file = `.github/workflows/${entry}`;
    const text = await readText(path.join(root, file));
    if (text !== null) ci.push({ file, text });
  }
  for (const file of ["tox.ini", "noxfile.py"]) {
    const text = await readText(path.join(root, file));
    if (text !== null) ci.push({ file, text });
  }
  facts.ciFiles = ci.map((c) => c.file);
  for (const c of ci) {
    facts.ciDjangoPrerelease ??= findDjangoPrerelease(c.text, c.file);
    if (c.file.startsWith(".github/")) {
      try {
        facts.publishing.push(...readWorkflow(c.text, c.file));
      } catch (e) {
        facts.unreadable.push({ file: c.file, message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  const preCommit = await readText(path.join(root, ".pre-commit-config.yaml"));
  if (preCommit !== null) {
    try {
      facts.djangoUpgrade = readPreCommit(preCommit, ".pre-commit-config.yaml");
    } catch (e) {
      facts.unreadable.push({
        file: ".pre-commit-config.yaml",
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return facts;
}

/** Facts from a core metadata text (METADATA, PKG-INFO); `file` names it in evidence. */
export function factsFromMetadata(text: string, file: string): CheckupFacts {
  const meta = parseCoreMetadata(text);
  if (meta.headers.length === 0 || meta.name === null)
    throw new NothingToCheck(`${file}: not a core metadata file (no Name header)`);
  const facts = emptyFacts("metadata");
  facts.packagingFiles = [file];
  const lineOf = (header: string, value?: string) => {
    const v = value?.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return findLine(text, new RegExp(`^${header}:\\s*${v ?? ""}`, "i"));
  };
  facts.name = { value: meta.name, at: { file, line: lineOf("Name") } };
  facts.classifiers = meta.classifiers.map((c) => ({
    value: c,
    at: { file, line: lineOf("Classifier", c) },
  }));
  if (meta.requiresPython)
    facts.requiresPython = { value: meta.requiresPython, at: { file, line: lineOf("Requires-Python") } };
  for (const d of meta.requiresDist) {
    const spec = djangoSpecifierOf(d);
    if (spec !== null) {
      facts.djangoRequirement = { value: spec, at: { file, line: lineOf("Requires-Dist", d) } };
      break;
    }
  }
  const licence =
    meta.headers.find((h) => /^license-expression$/i.test(h.name)) ??
    meta.headers.find(
      (h) => /^license$/i.test(h.name) && h.value.trim() !== "" && h.value.trim() !== "UNKNOWN",
    );
  if (licence)
    facts.license = {
      value: licence.value.trim().split("\n")[0] as string,
      at: { file, line: lineOf(licence.name) },
    };
  if (meta.description && meta.description.trim() !== "" && meta.description.trim() !== "UNKNOWN")
    facts.readme = { value: "long description in the metadata", at: { file, line: null } };
  facts.projectUrls = meta.projectUrls.map((u) => ({
    value: u,
    at: { file, line: lineOf("Project-URL", u.label) },
  }));
  const home = meta.headers.find((h) => /^home-page$/i.test(h.name));
  if (home)
    facts.projectUrls.push({
      value: { label: "Homepage", url: home.value.trim() },
      at: { file, line: lineOf("Home-page") },
    });
  return facts;
}

/** Reads a path: a directory is a source tree, a file is core metadata. */
export async function readCheckupSource(target: string): Promise<CheckupFacts> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(target);
  } catch {
    throw new NothingToCheck(`${target}: no such file or directory`);
  }
  if (info.isDirectory()) return readSourceTree(target);
  const base = path.basename(target);
  if ((PACKAGING as readonly string[]).includes(base)) return readSourceTree(path.dirname(target));
  const text = await readText(target);
  if (text === null) throw new NothingToCheck(`${target}: cannot be read`);
  if (text.includes("\u0000")) throw new NothingToCheck(`${target}: a binary file, not core metadata`);
  return factsFromMetadata(text, base);
}

export { UnreadableFile };
