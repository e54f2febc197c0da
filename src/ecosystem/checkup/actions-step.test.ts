import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTIONS_STEP } from "./checkup.views.tsx";

describe("the documented GitHub Actions step", () => {
  it("is the same in the README and on /checkup, and is a valid job body", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");
    expect(readme).toContain(ACTIONS_STEP);
    const job = parse(`jobs:\n  checkup:\n    runs-on: ubuntu-latest\n${ACTIONS_STEP}\n`) as {
      jobs: { checkup: { steps: Array<{ run?: string }> } };
    };
    const run = job.jobs.checkup.steps.find((s) => s.run)?.run ?? "";
    expect(run).toContain("checkup . --fail-on error");
  });
});
