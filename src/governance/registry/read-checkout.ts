/**
 * Reads the charter files of a checkout without ever leaving it: a symbolic link (to a file or to
 * a charter folder) is followed only when its target is inside the checkout, and every file read
 * is checked to resolve inside it, so `charters import` cannot publish a file from elsewhere on
 * the machine. What is refused is said, file by file.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { AppError } from "../../platform/errors.ts";
import { isCharterPath } from "./charter-changes.ts";

/** The folders of the charter repository that hold charters. */
export const CHARTER_DIRS = ["active", "draft", "archive", "proposals"] as const;

/** One charter file read from a checkout. */
export interface CharterFile {
  /** Repository path, e.g. "active/ai.md". */
  path: string;
  markdown: string;
}

/** A file or folder of the checkout that was not read, and why. */
export interface RefusedFile {
  path: string;
  reason: string;
}

/** What was read from a checkout. */
export interface CheckoutFiles {
  files: CharterFile[];
  refused: RefusedFile[];
}

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * Where an entry of the checkout really is, or why it is refused: a link whose target is outside
 * the checkout (or missing) is refused; anything else must resolve inside it too.
 */
function resolveInside(root: string, full: string): { real: string } | { reason: string } {
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return { reason: "a symbolic link whose target does not exist; not followed" };
  }
  if (!inside(root, real)) {
    const link = lstatSync(full).isSymbolicLink();
    return {
      reason: link
        ? `a symbolic link to ${real}, outside the imported directory; not followed`
        : `resolves to ${real}, outside the imported directory; not read`,
    };
  }
  return { real };
}

/** Reads a regular file at a path that has no link in its last part, checking what was opened. */
function readRegular(real: string): string | null {
  const fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return null;
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

/** Reads the charter files of a checkout; a folder without any charter folder is a one-line error. */
export function readCharterCheckout(dir: string): CheckoutFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError("bad_request", { message: `${dir} is not a directory` });
  }
  const root = realpathSync(dir);
  const refused: RefusedFile[] = [];
  const folders: Array<{ name: string; real: string }> = [];
  for (const d of CHARTER_DIRS) {
    const full = path.join(root, d);
    if (!lstatExists(full)) continue;
    const where = resolveInside(root, full);
    if ("reason" in where) {
      refused.push({ path: `${d}/`, reason: where.reason });
      continue;
    }
    if (statSync(where.real).isDirectory()) folders.push({ name: d, real: where.real });
  }
  if (folders.length === 0 && refused.length === 0) {
    throw new AppError("bad_request", {
      message: `${dir} is not a charter checkout: it has none of the folders ${CHARTER_DIRS.join("/, ")}/`,
    });
  }
  const files: CharterFile[] = [];
  for (const folder of folders) {
    for (const name of readdirSync(folder.real).sort()) {
      const rel = `${folder.name}/${name}`;
      if (!isCharterPath(rel)) continue;
      const where = resolveInside(root, path.join(folder.real, name));
      if ("reason" in where) {
        refused.push({ path: rel, reason: where.reason });
        continue;
      }
      const markdown = statSync(where.real).isFile() ? readRegular(where.real) : null;
      if (markdown !== null) files.push({ path: rel, markdown });
    }
  }
  return { files, refused };
}

/** True when something (even a dangling link) exists at the path. */
function lstatExists(full: string): boolean {
  try {
    lstatSync(full);
    return true;
  } catch {
    return false;
  }
}
