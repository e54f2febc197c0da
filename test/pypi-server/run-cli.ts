/** Runs the `guildhall` command line in a child process (for kill-and-resume and multi-worker tests). */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The project root (where bin/guildhall.js lives). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A started child with its collected output and a promise of its exit. */
export interface CliChild {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node bin/guildhall.js ...args` (the compiled command line) with `env` added to a clean test environment. */
export function startCli(args: string[], env: Record<string, string>): CliChild {
  return startNode(["bin/guildhall.js", ...args], { LOG_LEVEL: "silent", ...env });
}

/**
 * Starts `node --import tsx SCRIPT ...args` in the project root with `env` over a clean test
 * environment (PATH, HOME, TMPDIR, LANG and NODE_ENV=test only), collecting stdout and stderr.
 */
export function startTsx(script: string, args: string[], env: Record<string, string>): CliChild {
  return startNode(["--import", "tsx", script, ...args], env);
}

/** Starts `node ...argv` in the project root with `env` over a clean test environment. */
function startNode(argv: string[], env: Record<string, string>): CliChild {
  const base: Record<string, string> = {};
  for (const k of ["PATH", "HOME", "TMPDIR", "LANG"]) {
    const v = process.env[k];
    if (v !== undefined) base[k] = v;
  }
  const child = spawn(process.execPath, argv, {
    cwd: PROJECT_ROOT,
    env: { ...base, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => out, exited };
}
