/**
 * What the tests need from the machine besides node_modules: Debian's Chromium for the browser
 * tests and Debian's Python modules as independent checkers of what Guildhall writes and reads.
 * `npm test` checks them first (test/check-prerequisites.ts) and installs them with apt-get when
 * it runs as root; a test that needs one calls `requireChromium()` or `requirePythonModules()`,
 * which fail the test with the command that installs it. A missing checker never skips a test.
 *
 * GUILDHALL_TEST_CHROMIUM and GUILDHALL_TEST_PYTHON point the tests at another browser or Python
 * (and let the tests of this file pretend one is missing).
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** The browser the tests launch. */
export const CHROMIUM_PATH = process.env["GUILDHALL_TEST_CHROMIUM"] ?? "/usr/bin/chromium";
/** The Python whose modules check Guildhall's output (Debian's, with the Debian packages below). */
export const PYTHON_PATH = process.env["GUILDHALL_TEST_PYTHON"] ?? "/usr/bin/python3";

/** One thing the tests need and the Debian package that provides it. */
export interface Prerequisite {
  debianPackage: string;
  /** A program at a fixed path, or a module Debian's Python must import. */
  kind: "program" | "python-module";
  /** The program's path or the module's name. */
  name: string;
  /** Which tests use it. */
  usedBy: string;
}

/** Everything the test suite needs, in install order. */
export const PREREQUISITES: readonly Prerequisite[] = [
  { debianPackage: "chromium", kind: "program", name: CHROMIUM_PATH, usedBy: "browser tests" },
  {
    debianPackage: "python3-icalendar",
    kind: "python-module",
    name: "icalendar",
    usedBy: "iCalendar feed checks",
  },
  {
    debianPackage: "python3-feedparser",
    kind: "python-module",
    name: "feedparser",
    usedBy: "Atom and RSS feed checks",
  },
  {
    debianPackage: "python3-packaging",
    kind: "python-module",
    name: "packaging",
    usedBy: "core metadata and version specifier checks",
  },
  {
    debianPackage: "python3-trove-classifiers",
    kind: "python-module",
    name: "trove_classifiers",
    usedBy: "classifier checks",
  },
  { debianPackage: "python3-aiosmtpd", kind: "python-module", name: "aiosmtpd", usedBy: "SMTP checks" },
];

/** How the machine is looked at; tests pass one that finds nothing. */
export interface Probe {
  /** True when `file` exists and may be executed. */
  isExecutable(file: string): boolean;
  /** The modules among `modules` that `python` cannot import (all of them when it does not run). */
  missingPythonModules(python: string, modules: readonly string[]): string[];
  /** The full path of `command` found on PATH, or null. */
  onPath(command: string): string | null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The real machine. */
export const systemProbe: Probe = {
  isExecutable,
  missingPythonModules(python, modules) {
    const script = [
      "import sys",
      "for m in sys.argv[1:]:",
      "    try: __import__(m)",
      "    except Exception: print(m)",
    ].join("\n");
    const r = spawnSync(python, ["-c", script, ...modules], { encoding: "utf8" });
    if (r.error || r.status !== 0) return [...modules];
    return r.stdout.split("\n").filter((m) => m !== "");
  },
  onPath(command) {
    for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
      if (dir === "") continue;
      const file = path.join(dir, command);
      if (isExecutable(file)) return file;
    }
    return null;
  },
};

/** The prerequisites the machine lacks. */
export function findMissing(
  probe: Probe,
  list: readonly Prerequisite[] = PREREQUISITES,
  python = PYTHON_PATH,
): Prerequisite[] {
  const modules = list.filter((p) => p.kind === "python-module").map((p) => p.name);
  const missingModules = new Set(modules.length ? probe.missingPythonModules(python, modules) : []);
  return list.filter((p) =>
    p.kind === "program" ? !probe.isExecutable(p.name) : missingModules.has(p.name),
  );
}

/** The apt-get command lines that install `missing` (update first: a fresh machine has no lists). */
export function aptCommands(missing: readonly Prerequisite[]): string[][] {
  return [
    ["apt-get", "update", "-qq"],
    ["apt-get", "install", "-y", "-qq", ...missing.map((p) => p.debianPackage)],
  ];
}

/** The one-line instruction a person runs to install `missing` themself. */
export function installInstruction(missing: readonly Prerequisite[]): string {
  return `sudo apt-get update && sudo apt-get install -y ${missing.map((p) => p.debianPackage).join(" ")}`;
}

/** What is missing and how to get it, for a failing test or the check before `npm test`. */
export function missingMessage(missing: readonly Prerequisite[]): string {
  const what = missing.map(
    (p) =>
      `${p.debianPackage} (${p.usedBy}; ${p.kind === "program" ? p.name : `Python module ${p.name} for ${PYTHON_PATH}`})`,
  );
  return (
    `The tests need ${what.join(", ")}, which this machine lacks. ` +
    `Install with: ${installInstruction(missing)} (npm test does this itself when run as root).`
  );
}

/** What the check before the tests does. */
export type Plan =
  | { kind: "ready" }
  | { kind: "install"; missing: Prerequisite[]; commands: string[][] }
  | { kind: "refuse"; missing: Prerequisite[]; message: string };

/** Decides: nothing to do, install with apt-get (as root, where there is apt-get), or say what to run. */
export function planFor(missing: Prerequisite[], host: { isRoot: boolean; hasAptGet: boolean }): Plan {
  if (missing.length === 0) return { kind: "ready" };
  if (host.isRoot && host.hasAptGet) return { kind: "install", missing, commands: aptCommands(missing) };
  const why = host.hasAptGet
    ? "Not running as root, so nothing was installed."
    : "There is no apt-get here: install the equivalent packages with this system's package manager.";
  return { kind: "refuse", missing, message: `${missingMessage(missing)} ${why}` };
}

/** Fails (throws) unless every named prerequisite is present; the message says how to install them. */
function requireAll(kind: Prerequisite["kind"], names: readonly string[], probe: Probe): void {
  const wanted = PREREQUISITES.filter((p) => p.kind === kind && names.includes(p.name));
  const unknown = names.filter((n) => !wanted.some((p) => p.name === n));
  if (unknown.length)
    throw new Error(`not a test prerequisite: ${unknown.join(", ")} (add it to test/prerequisites.ts)`);
  const missing = findMissing(probe, wanted);
  if (missing.length) throw new Error(missingMessage(missing));
}

/** The browser's path, or an error saying how to install it (browser tests call this first). */
export function requireChromium(probe: Probe = systemProbe): string {
  requireAll("program", [CHROMIUM_PATH], probe);
  return CHROMIUM_PATH;
}

/** The checking Python's path once it imports every module in `modules`, or an error saying how to install them. */
export function requirePythonModules(modules: readonly string[], probe: Probe = systemProbe): string {
  requireAll("python-module", modules, probe);
  return PYTHON_PATH;
}
