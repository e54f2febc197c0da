/**
 * Where the project's files that are not code live (migrations, demo data, the shipped snapshot).
 * Code runs from src/ in tests and from a compiled copy in dist/<hash>/ otherwise, at another
 * depth, so paths are taken from the package root rather than from the running file.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest directory at or above `start` that holds a package.json. */
export function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** The project's root directory (package.json, src/, demo/, data/). */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, from its root: `projectPath("demo")`. */
export function projectPath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}
