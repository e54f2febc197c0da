/**
 * The build (scripts/build.js): one directory per version of the sources, so an edit can never run
 * stale code, and processes starting together share one build.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInputs, ensureBuilt, sourceHash } from "../scripts/build.js";

let root = "";
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
const run = (dir: string) =>
  spawnSync(process.execPath, [path.join(dir, "cli.js")], { encoding: "utf8" }).stdout.trim();
const builds = () => readdirSync(path.join(root, "dist")).filter((d) => !d.startsWith("."));

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "guildhall-build-"));
  write("package.json", '{ "type": "module" }\n');
  write(
    "src/cli.ts",
    'const word: string = "one";\nconst { shout } = await import("./lib/shout.ts");\nconsole.log(shout(word));\n',
  );
  write("src/lib/shout.ts", 'export const shout = (s: string): string => s + "!";\n');
  write("src/lib/shout.test.ts", "// tests are not built\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("scripts/build.js", () => {
  it("compiles each source file to its own file, keeping lazy imports lazy, and skips tests", async () => {
    expect(buildInputs(root)).toEqual(["src/cli.ts", "src/lib/shout.ts"]);
    const dir = await ensureBuilt({ root });
    expect(path.basename(dir)).toBe(sourceHash(root));
    expect(run(dir)).toBe("one!");
    expect(readFileSync(path.join(dir, "cli.js"), "utf8")).toContain('import("./lib/shout.js")');
    expect(existsSync(path.join(dir, "lib/shout.test.js"))).toBe(false);
  });

  it("an edit gives a new build, so the old one never runs again; a test edit does not", async () => {
    const before = await ensureBuilt({ root });
    write("src/lib/shout.test.ts", "// edited\n");
    expect(await ensureBuilt({ root })).toBe(before);
    write("src/lib/shout.ts", 'export const shout = (s: string): string => s.toUpperCase() + "!";\n');
    const after = await ensureBuilt({ root });
    expect(after).not.toBe(before);
    expect(run(after)).toBe("ONE!");
    write("src/lib/extra.ts", "export {};\n");
    expect(await ensureBuilt({ root })).not.toBe(after);
  });

  it("processes building at the same moment end with one complete build", async () => {
    write("src/cli.ts", 'console.log("together");\n');
    let compiled = 0;
    const dirs = await Promise.all(
      Array.from({ length: 4 }, () => ensureBuilt({ root, onBuild: () => compiled++ })),
    );
    expect(new Set(dirs).size).toBe(1);
    expect(compiled).toBe(4);
    expect(run(dirs[0] ?? "")).toBe("together");
    expect(readdirSync(path.join(root, "dist")).filter((d) => d.startsWith(".tmp-"))).toEqual([]);
  });

  it("keeps only the newest few builds", async () => {
    for (let i = 0; i < 5; i++) {
      write("src/cli.ts", `console.log(${i});\n`);
      await ensureBuilt({ root });
    }
    expect(builds().length).toBeLessThanOrEqual(4);
  });

  it("a source that does not compile is an error naming the file and line", async () => {
    write("src/cli.ts", "const = ;\n");
    await expect(ensureBuilt({ root })).rejects.toThrow(/cannot compile the sources:\nsrc\/cli\.ts:1:\d+: /);
  });
});
