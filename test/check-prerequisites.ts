/**
 * Run before the tests (`npm test`'s pretest, and `.ci/run`): checks that Chromium and the Python
 * checkers are installed, installs the missing ones with apt-get when running as root, and
 * otherwise exits 1 with the exact command to run. Prints one line when all is present.
 */
import { spawnSync } from "node:child_process";
import { findMissing, missingMessage, PREREQUISITES, planFor, systemProbe } from "./prerequisites.ts";

function main(): number {
  const missing = findMissing(systemProbe);
  const plan = planFor(missing, {
    isRoot: process.getuid?.() === 0,
    hasAptGet: systemProbe.onPath("apt-get") !== null,
  });
  if (plan.kind === "ready") {
    process.stdout.write(
      `test prerequisites present: ${PREREQUISITES.map((p) => p.debianPackage).join(", ")}\n`,
    );
    return 0;
  }
  if (plan.kind === "refuse") {
    process.stderr.write(`${plan.message}\n`);
    return 1;
  }
  process.stdout.write(
    `installing test prerequisites: ${plan.missing.map((p) => p.debianPackage).join(" ")}\n`,
  );
  for (const command of plan.commands) {
    const [program = "", ...args] = command;
    const r = spawnSync(program, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (r.error || r.status !== 0) {
      const why = r.error ? r.error.message : `exit code ${r.status ?? r.signal}`;
      process.stderr.write(`${command.join(" ")} failed (${why}). ${missingMessage(plan.missing)}\n`);
      return 1;
    }
  }
  const still = findMissing(systemProbe);
  if (still.length) {
    process.stderr.write(`still missing after apt-get: ${missingMessage(still)}\n`);
    return 1;
  }
  process.stdout.write("test prerequisites installed\n");
  return 0;
}

process.exitCode = main();
