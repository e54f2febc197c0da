/**
 * One process at a time owns an embedded database's data directory. PGlite keeps the database in
 * the process's memory and writes the directory back on its own schedule, so a second process
 * (a `guildhall` command while the server runs) would work on a copy and its writes would be
 * lost, or overwrite the server's. The owner keeps a lock file in the directory saying who it is;
 * a second process reads it and refuses, naming that process. A lock left by a process that has
 * died (killed, crashed) is stale and taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.ts";

/** The lock file's name inside the data directory. */
export const LOCK_FILE = "guildhall.lock";

/** What the lock file says about its owner. */
export interface LockOwner {
  pid: number;
  /** What the process is, in words ("the Guildhall server on http://127.0.0.1:3000"). */
  what: string;
  /** When it started (ISO 8601), for people. */
  startedAt: string;
  /** Its start time in clock ticks since boot (Linux `/proc/PID/stat`), to tell a reused pid apart. */
  startTicks: number | null;
}

/** A held lock; `release` removes the file if this process still owns it. */
export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** The start time of a process in clock ticks since boot, or null where /proc is not available. */
function startTicksOf(pid: number | "self"): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when the lock's owner is still running (the same process, not a later one given its pid). */
export function ownerIsRunning(owner: LockOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || !alive(owner.pid)) return false;
  if (owner.startTicks === null) return true;
  const ticks = startTicksOf(owner.pid);
  return ticks === null || ticks === owner.startTicks;
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number") return null;
    return {
      pid: parsed.pid,
      what: typeof parsed.what === "string" ? parsed.what : "a Guildhall process",
      startedAt: typeof parsed.startedAt === "string" ? parsed.startedAt : "an unknown time",
      startTicks: typeof parsed.startTicks === "number" ? parsed.startTicks : null,
    };
  } catch {
    // Unreadable or half-written (the owner died while writing it): nobody can be shown as owner.
    return null;
  }
}

/** True for a file modified in the last few seconds. */
function isFresh(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 5000;
  } catch {
    return false;
  }
}

/** This process, as a lock owner. */
export function currentOwner(what: string): LockOwner {
  return {
    pid: process.pid,
    what,
    startedAt: new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString(),
    startTicks: startTicksOf("self"),
  };
}

/**
 * Takes the data directory's lock for this process, or throws a `conflict` AppError naming the
 * process that holds it (pid, what it is, since when). A stale lock (its process is gone, or its
 * pid now belongs to another process) is replaced.
 */
export function acquireDataDirLock(dataDir: string, what: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me = currentOwner(what);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx", 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = readOwner(file);
      if (owner && ownerIsRunning(owner)) {
        const who = owner.pid === process.pid ? "this process" : `process ${owner.pid}`;
        throw new AppError("conflict", {
          message: `The embedded database in ${dataDir} is in use by ${who} (${owner.what}, started ${owner.startedAt}); one process at a time may open it. Stop that process and try again, or set DATABASE_URL to a PostgreSQL server that both can share. Nothing was changed.`,
        });
      }
      if (!owner && isFresh(file)) {
        // Just created and not yet written: another process is taking the lock right now.
        throw new AppError("conflict", {
          message: `The embedded database in ${dataDir} is being opened by another process; one process at a time may open it. Nothing was changed.`,
        });
      }
      // The owner is gone: the lock is stale.
      try {
        unlinkSync(file);
      } catch {
        // Another process took it over first; try again.
      }
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off("exit", release);
      const owner = readOwner(file);
      if (owner?.pid === me.pid && owner.startTicks === me.startTicks) {
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      }
    };
    // A process that ends without closing the database (an uncaught error) still gives it up.
    process.on("exit", release);
    return { file, release };
  }
  throw new AppError("conflict", {
    message: `Could not take the lock of the embedded database in ${dataDir} (${file}); another process keeps taking it.`,
  });
}
