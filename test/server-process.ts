/** Runs the Guildhall server (`src/main.ts`) in a child process, for fault and process-ownership tests. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { PROJECT_ROOT } from "./pypi-server/run-cli.ts";

/** A running server process: its URL, its output so far, and how to stop it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True while the process has not exited. */
  alive(): boolean;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
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

/** Starts `node --import tsx src/main.ts ...args` with `env` over a clean environment; waits for /healthz. */
export async function startServerProcess(
  env: Record<string, string>,
  args: string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  const base: Record<string, string> = {};
  for (const k of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const v = process.env[k];
    if (v !== undefined) base[k] = v;
  }
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...base,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      GUILDHALL_SESSION_SECRET: "server-process-secret",
      PORT: String(port),
      GUILDHALL_HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (!running) throw new Error(`the server exited before answering:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /healthz within 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    url,
    output: () => out,
    exited,
    alive: () => running,
    stop: async () => {
      if (running) child.kill("SIGTERM");
      await exited;
    },
  };
}
