/**
 * Which commit of the charter repository a folder holds: HEAD when the folder is the top of a git
 * checkout, else the commit its SNAPSHOT.txt names ("… at commit <sha> (<date>)"), else unknown.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { runGit } from "./git-runner.ts";

/** A commit of the charter repository and when it was made. */
export interface CheckoutCommit {
  sha: string;
  committedAt: Date;
  /** How it was found. */
  from: "git" | "SNAPSHOT.txt";
}

/** Reads the commit "… at commit <sha> (<YYYY-MM-DD>)" from a snapshot note; null when it names none. */
export function parseSnapshotNote(text: string): { sha: string; committedAt: Date } | null {
  const m = /\bat commit ([0-9a-f]{7,40})\s*\((\d{4}-\d{2}-\d{2})\)/.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const committedAt = new Date(`${m[2]}T00:00:00Z`);
  return Number.isNaN(committedAt.getTime()) ? null : { sha: m[1], committedAt };
}

/** The commit a charter folder holds, or null when neither git nor a snapshot note says. */
export async function readCheckoutCommit(dir: string): Promise<CheckoutCommit | null> {
  try {
    // Only the checkout's own top: a folder inside another repository (the demo charters inside
    // this project's) is not a commit of the charter repository.
    const top = (await runGit(dir, ["rev-parse", "--show-toplevel"])).trim();
    if (realpathSync(top) === realpathSync(dir)) {
      const [sha = "", iso = ""] = (await runGit(dir, ["log", "-1", "--format=%H %cI"])).trim().split(" ");
      const committedAt = new Date(iso);
      if (/^[0-9a-f]{40}$/.test(sha) && !Number.isNaN(committedAt.getTime())) {
        return { sha, committedAt, from: "git" };
      }
    }
  } catch {
    // Not a git checkout (or git is missing): fall back to the snapshot note.
  }
  const note = path.join(dir, "SNAPSHOT.txt");
  if (!existsSync(note)) return null;
  const parsed = parseSnapshotNote(readFileSync(note, "utf8"));
  return parsed ? { ...parsed, from: "SNAPSHOT.txt" } : null;
}
