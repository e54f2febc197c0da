/** Runs the Guildhall server (`src/main.ts`) in a child process, for fault and process-ownership tests. */
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { startTsx } from "./pypi-server/run-cli.ts";

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
  const started = startTsx("src/main.ts", args, {
    LOG_LEVEL: "warn",
    GUILDHALL_SESSION_SECRET: "server-process-secret",
    PORT: String(port),
    GUILDHALL_HOST: "127.0.0.1",
    ...env,
  });
  const { child, output, exited } = started;
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (!running) throw new Error(`the server exited before answering:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /healthz within 90 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    url,
    output,
    exited,
    alive: () => running,
    stop: async () => {
      if (running) child.kill("SIGTERM");
      await exited;
    },
  };
}
