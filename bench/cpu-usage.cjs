// Preloaded (`node -r bench/cpu-usage.cjs ...`) into every process bench/cli.ts times, the
// baseline included: at exit it writes the process's own CPU time (user + system, microseconds)
// and peak memory to file descriptor 3, which the benchmark reads. Node has no API for a child's
// resource usage, and GNU time is not on every machine.
const { writeSync } = require("node:fs");

process.on("exit", () => {
  const r = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ cpuUs: r.userCPUTime + r.systemCPUTime, maxRssKb: r.maxRSS }));
  } catch {
    // Run by hand, without the benchmark's pipe on fd 3: nothing to report to.
  }
});
