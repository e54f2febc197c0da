/**
 * Runs the command line as users do, `node bin/guildhall.js ...args` (the compiled build; the
 * global setup builds it once), and collects its exit code and output.
 */
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";

/** The project root, where bin/guildhall.js is. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(PROJECT_ROOT, "bin/guildhall.js");

/** What one run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where and how to run: `dataDir` gives the command a private embedded database. */
export interface CliOptions {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

function envFor(options: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", ...options.env };
  if (options.dataDir) {
    env["GUILDHALL_DATA_DIR"] = options.dataDir;
    // Always the embedded database in that directory, even on a PostgreSQL test run.
    delete env["DATABASE_URL"];
  }
  return env;
}

/** Runs `guildhall ...args` and resolves when it exits. */
export function runGuildhall(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? PROJECT_ROOT, env: envFor(options), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs `guildhall ...args` synchronously (commands that open no database). */
export function runGuildhallSync(args: string[], options: CliOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    encoding: "utf8",
    env: envFor(options),
    timeout: 60_000,
  });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}
