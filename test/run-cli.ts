/** Runs the real command line (bin/guildhall.js) as a child process, for command-line tests. */
import { execFile } from "node:child_process";
import path from "node:path";

/** What a command printed and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve(import.meta.dirname, "../bin/guildhall.js");

/** Runs `guildhall ...args` with `env` in `cwd`. */
export function runCli(env: NodeJS.ProcessEnv, cwd: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile("node", [BIN, ...args], { env, cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
