/**
 * One process owns the embedded database. With the server running on a data directory, a
 * `guildhall` command on the same directory refuses (exit 1) and names the server's process,
 * instead of printing "Recorded" for a write the server would never see; once the server stops,
 * the command works. Locks left by dead processes, or whose pid now belongs to another process,
 * are taken over.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, currentOwner, LOCK_FILE } from "../src/platform/db/data-dir-lock.ts";
import { startCli } from "./pypi-server/run-cli.ts";
import { startServerProcess } from "./server-process.ts";

/** The write that was lost: recording an announced release date. */
const RECORD = ["releases", "record", "6.2", "alpha", "2027-01-20", "--by", "fellows"];
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "guildhall-owner-"));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function cli(dataDir: string, ...args: string[]) {
  const run = startCli(args, { GUILDHALL_DATA_DIR: dataDir });
  const { code } = await run.exited;
  return { code, output: run.output() };
}

describe("the embedded database's owner", () => {
  it("a command refuses while the server runs, naming it; works once the server stops", async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ GUILDHALL_DATA_DIR: dataDir });
    try {
      const lock = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), "utf8")) as {
        pid: number;
        what: string;
      };
      expect(lock.pid).toBe(server.child.pid);
      const refused = await cli(dataDir, ...RECORD);
      expect(refused.code).toBe(1);
      expect(refused.output).not.toContain("Recorded");
      expect(refused.output).toContain(`in use by process ${server.child.pid}`);
      expect(refused.output).toContain("the Guildhall server on http://127.0.0.1:");
      expect(refused.output.trim().split("\n")).toHaveLength(1);
      expect(server.alive()).toBe(true);
    } finally {
      await server.stop();
    }
    const recorded = await cli(dataDir, ...RECORD);
    expect(recorded.code, recorded.output).toBe(0);
    const listed = await cli(dataDir, "releases", "--json");
    expect(listed.code).toBe(0);
    expect(listed.output).toContain("2027-01-20");
  }, 240_000);

  it("takes over a lock whose process is gone, or whose pid now runs something else", () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, LOCK_FILE);
    // A process that died: pid far above any in use.
    writeFileSync(
      file,
      JSON.stringify({
        pid: 2 ** 22 + 17,
        what: "a killed command",
        startedAt: "2026-01-01T00:00:00Z",
        startTicks: 1,
      }),
    );
    const first = acquireDataDirLock(dataDir, "test");
    first.release();
    // A pid reused by another process: this very process, but not started when the lock says.
    const me = currentOwner("old owner");
    writeFileSync(file, JSON.stringify({ ...me, startTicks: (me.startTicks ?? 0) + 12345 }));
    if (me.startTicks !== null) {
      const second = acquireDataDirLock(dataDir, "test");
      second.release();
    }
    // A live owner: refused, naming it; released locks are gone.
    const held = acquireDataDirLock(dataDir, "the holder");
    expect(() => acquireDataDirLock(dataDir, "the second")).toThrow(
      /in use by this process \(the holder, started /,
    );
    held.release();
    expect(() => readFileSync(file)).toThrow();
  });
});
