/**
 * The few git reads the history replay needs, through the `git` program (child_process).
 * Infrastructure only: no charter rules here. Blobs are read through one long-lived
 * `git cat-file --batch` process, which is far cheaper than one `git show` per file.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { AppError } from "../../platform/errors.ts";

/** One commit as the replay needs it. */
export interface GitCommit {
  sha: string;
  parents: string[];
  authoredAt: string;
  committedAt: string;
  subject: string;
  author: string;
}

/** One changed path between two commits (status A, M, D, R, C, T as git prints it). */
export interface GitChange {
  status: string;
  oldPath: string | null;
  newPath: string | null;
}

/** Runs git in `dir` and returns its standard output; a failure becomes an AppError naming the command. */
export function runGit(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["-C", dir, ...args],
      { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) {
          const first = (stderr || error.message).trim().split("\n")[0] ?? "";
          reject(
            new AppError("bad_request", {
              message: `git ${args[0] ?? ""} failed in ${dir}: ${first}`,
              cause: error,
            }),
          );
        } else resolve(stdout);
      },
    );
  });
}

/** Checks that `dir` is a git repository (working tree or bare) and returns its top directory. */
export async function assertGitRepository(dir: string): Promise<string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError("bad_request", { message: `${dir} is not a directory` });
  }
  try {
    const out = await runGit(dir, ["rev-parse", "--git-dir"]);
    return out.trim();
  } catch (cause) {
    throw new AppError("bad_request", { message: `${dir} is not a git repository`, cause });
  }
}

const SEP = "\x1f";

/**
 * The first-parent chain of `ref`, oldest first, each commit with the paths it changed against its
 * first parent (renames detected), in one `git log` rather than one `git diff-tree` per commit.
 */
export async function firstParentChanges(
  dir: string,
  ref: string,
): Promise<Array<{ commit: GitCommit; changes: GitChange[] }>> {
  const format = `%x1e${["%H", "%P", "%aI", "%cI", "%s", "%an"].join("%x1f")}`;
  const out = await runGit(dir, [
    "-c",
    "core.quotePath=false",
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "-M",
    "--name-status",
    "--reverse",
    `--format=${format}`,
    ref,
    "--",
  ]);
  const result: Array<{ commit: GitCommit; changes: GitChange[] }> = [];
  for (const record of out.split("\x1e")) {
    if (record.trim() === "") continue;
    const [header = "", ...lines] = record.split("\n");
    const [sha = "", parents = "", authoredAt = "", committedAt = "", subject = "", author = ""] =
      header.split(SEP);
    const changes: GitChange[] = [];
    for (const line of lines) {
      if (line.trim() === "") continue;
      const [status = "", a = "", b] = line.split("\t");
      if (status.startsWith("R") || status.startsWith("C"))
        changes.push({ status, oldPath: a, newPath: b ?? null });
      else changes.push({ status, oldPath: status === "A" ? null : a, newPath: status === "D" ? null : a });
    }
    const commit = {
      sha,
      parents: parents.split(" ").filter(Boolean),
      authoredAt,
      committedAt,
      subject,
      author,
    };
    result.push({ commit, changes });
  }
  return result;
}

/** Commits reachable from `commit` but not from `base` that touched `path` (a merged branch's own work). */
export async function branchCommitsTouching(
  dir: string,
  base: string,
  commit: string,
  path: string,
): Promise<GitCommit[]> {
  const format = ["%H", "%P", "%aI", "%cI", "%s", "%an"].join(SEP);
  const out = await runGit(dir, ["log", "--reverse", `--format=${format}`, `${base}..${commit}`, "--", path]);
  return out
    .split("\n")
    .filter((l) => l.length > 0)
    .map((line) => {
      const [sha = "", parents = "", authoredAt = "", committedAt = "", subject = "", author = ""] =
        line.split(SEP);
      return { sha, parents: parents.split(" ").filter(Boolean), authoredAt, committedAt, subject, author };
    })
    .filter((c) => c.sha !== commit);
}

/** Reads file contents at commits through one `git cat-file --batch` process; close it when done. */
export interface BlobReader {
  read(commit: string, path: string): Promise<string | null>;
  close(): void;
}

/** Starts a blob reader on the repository in `dir`. */
export function openBlobReader(dir: string): BlobReader {
  const child = spawn("git", ["-C", dir, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"] });
  let buffer = Buffer.alloc(0);
  const waiting: Array<{ resolve: (v: string | null) => void; reject: (e: unknown) => void }> = [];
  let failed: unknown = null;
  const drain = () => {
    while (waiting.length > 0) {
      const nl = buffer.indexOf(10);
      if (nl < 0) return;
      const header = buffer.subarray(0, nl).toString("utf8");
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        buffer = buffer.subarray(nl + 1);
        waiting.shift()?.resolve(null);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (!Number.isFinite(size)) {
        waiting
          .shift()
          ?.reject(new AppError("internal", { message: `unexpected git cat-file output: ${header}` }));
        buffer = buffer.subarray(nl + 1);
        continue;
      }
      if (buffer.length < nl + 1 + size + 1) return;
      const body = buffer.subarray(nl + 1, nl + 1 + size).toString("utf8");
      buffer = buffer.subarray(nl + 1 + size + 1);
      waiting.shift()?.resolve(body);
    }
  };
  child.stdout.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    drain();
  });
  const fail = (e: unknown) => {
    failed = e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  child.on("error", (e) =>
    fail(new AppError("internal", { message: "could not run git cat-file", cause: e })),
  );
  child.on("exit", (code) => {
    if (waiting.length > 0)
      fail(new AppError("internal", { message: `git cat-file exited with code ${code}` }));
  });
  return {
    read(commit, path) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${commit}:${path}\n`);
      });
    },
    close() {
      child.stdin.end();
    },
  };
}

/** The commit a checkout's files come from, when the folder is the top of a git work tree. */
export interface CheckoutCommit {
  sha: string;
  committedAt: string;
  /** False when the charter folders have changes not yet committed (the files are not that commit). */
  clean: boolean;
}

/**
 * The HEAD commit of the work tree whose top is `dir`, or null when `dir` is not one (a plain copy,
 * or a folder inside some other repository, whose HEAD would say nothing about these files).
 */
export async function checkoutCommit(
  dir: string,
  folders: readonly string[],
): Promise<CheckoutCommit | null> {
  try {
    const top = (await runGit(dir, ["rev-parse", "--show-toplevel"])).trim();
    if (realpathSync(top) !== realpathSync(dir)) return null;
    const [sha = "", committedAt = ""] = (await runGit(dir, ["log", "-1", "--format=%H%x1f%cI"]))
      .trim()
      .split(SEP);
    if (!/^[0-9a-f]{40}$/u.test(sha)) return null;
    const status = await runGit(dir, ["status", "--porcelain", "--", ...folders]);
    return { sha, committedAt, clean: status.trim() === "" };
  } catch {
    return null;
  }
}
