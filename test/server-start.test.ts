/**
 * `npm start` runs the compiled server (bin/server.js -> dist/<hash>/main.js) and finds from there
 * what is not code: the migrations, the demo charters and the shipped package snapshot.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

describe("npm start", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-start-"));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves the demo from the compiled code on a fresh data directory, and stops on SIGTERM", async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GUILDHALL_DATA_DIR: dataDir,
      PORT: String(port),
      NODE_ENV: "test",
      LOG_LEVEL: "info",
    };
    delete env["DATABASE_URL"];
    const server = spawn(process.execPath, ["bin/server.js", "--demo"], { cwd: ROOT, env, stdio: "pipe" });
    child = server;
    let log = "";
    server.stdout?.on("data", (d: Buffer) => {
      log += d.toString();
    });
    server.stderr?.on("data", (d: Buffer) => {
      log += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 170_000;
    while (!log.includes("Guildhall listening") && Date.now() < deadline && server.exitCode === null) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(log, log).toContain("Guildhall listening");

    const groups = await fetch(`http://127.0.0.1:${port}/groups`);
    expect(groups.status).toBe(200);
    const html = await groups.text();
    expect(html).toContain("Active");
    const api = (await (await fetch(`http://127.0.0.1:${port}/api/groups`)).json()) as { groups?: unknown[] };
    expect(JSON.stringify(api).length).toBeGreaterThan(100);
    const packages = await fetch(`http://127.0.0.1:${port}/packages`);
    expect(packages.status).toBe(200);
    expect(await packages.text()).toContain("django");

    server.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 180_000);
});
