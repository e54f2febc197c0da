/**
 * The command line as a whole: declaring the commands loads no operation (so `--help` is fast),
 * `--json` means the same on every command, and errors are one line with the documented exit codes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { runGuildhallSync } from "../test/guildhall-cli.ts";
import { sharedData } from "../test/shared-data.ts";
import { registerEcosystemCommands } from "./ecosystem/ecosystem.cli.ts";
import { registerGovernanceCommands } from "./governance/governance.cli.ts";
import { type CliContext, createProgram } from "./platform/cli.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

const guildhall = (...args: string[]) => runGuildhallSync(args);

/** Every source file and package `entry` imports statically (dynamic `import()` not followed). */
async function staticImports(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const r = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    packages: "external",
    platform: "node",
    format: "esm",
    outdir: "out",
    logLevel: "silent",
  });
  const inputs = r.metafile.inputs;
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const i of inputs[file]?.imports ?? []) {
      if (i.kind === "dynamic-import") continue;
      if (i.external) packages.add(i.path);
      else walk(i.path);
    }
  };
  walk(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** The whole command tree, declared as `src/cli.ts` declares it. */
function program(): Command {
  const ctx: CliContext = {
    services: () => Promise.reject(new Error("declaring commands must not open services")),
    out: () => {},
    err: () => {},
    isTTY: false,
  };
  const p = createProgram();
  registerGovernanceCommands(p, ctx);
  registerEcosystemCommands(p, ctx);
  return p;
}

function leaves(c: Command, prefix: string[] = []): { path: string; command: Command }[] {
  const here = [...prefix, c.name()];
  if (c.commands.length === 0) return [{ path: here.slice(1).join(" "), command: c }];
  // A command with subcommands that also acts itself (`releases`, `charters aliases`) counts too.
  const own = (c as unknown as { _actionHandler: unknown })._actionHandler
    ? [{ path: here.slice(1).join(" "), command: c }]
    : [];
  return [...own, ...c.commands.flatMap((s) => leaves(s, here))];
}

describe("declaring the commands is cheap", () => {
  it("src/cli.ts statically reaches no package but commander, and no operation, repository or route", async () => {
    const { files, packages } = await staticImports("src/cli.ts");
    expect(packages.filter((p) => !p.startsWith("node:"))).toEqual(["commander"]);
    // db/errors.ts is the exception: a pure table of what database errors mean, importing no driver
    // (the package check above proves none is loaded), which every command's error line needs.
    expect(
      files.filter(
        (f) =>
          /\.repo\.ts$|\.routes\.tsx$|services\.ts$|config\.ts$|db\//.test(f) &&
          f !== "src/platform/db/errors.ts",
      ),
    ).toEqual([]);
    // The declarations (meetings.cli.ts is the 30th file) plus a few constant tables: a size that grows by a command, not by a room.
    expect(files.length).toBeLessThan(31);
  });

  it("every room's *.cli.ts is reached from src/cli.ts (no room keeps commands out of the program)", async () => {
    const { files } = await staticImports("src/cli.ts");
    const cliFiles = readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".cli.ts"))
      .map((f) => `src/${f.split(path.sep).join("/")}`);
    expect(cliFiles.length).toBeGreaterThan(5);
    for (const f of cliFiles) expect(files).toContain(f);
  });
});

describe("--json means the same everywhere", () => {
  const NO_RESULT = new Set(["charters export", "worker"]);

  it("every command that prints a result has --json, worded one of two ways", () => {
    const all = leaves(program());
    expect(all.length).toBeGreaterThan(25);
    for (const { path: name, command } of all) {
      const json = command.options.find((o) => o.long === "--json");
      if (NO_RESULT.has(name)) {
        expect(json, name).toBeUndefined();
        continue;
      }
      expect(json, `${name} has no --json`).toBeDefined();
      expect(json?.description, name).toMatch(
        /^(print JSON lines: one object per .+|print the result as one JSON object on one line)$/,
      );
    }
  });

  it("help texts that name a default state the one the command uses", async () => {
    const { DEFAULT_TOP } = await import("./ecosystem/compat/compute-series-readiness.ts");
    const readiness = program().commands.find((c) => c.name() === "readiness");
    const top = readiness?.options.find((o) => o.long === "--top");
    expect(top?.description).toContain(`(default ${DEFAULT_TOP})`);
  });

  it("no command pretty-prints JSON (JSON.stringify with an indent) in its output", () => {
    const sources = readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".cli.ts"),
    );
    for (const f of sources) {
      const text = readFileSync(path.join(ROOT, "src", f), "utf8");
      expect(text, f).not.toMatch(/JSON\.stringify\([^)]*,\s*null\s*,\s*\d/);
      expect(text, f).not.toMatch(/ctx\.out\(JSON\.stringify/);
    }
  });

  it("packages inspect takes several files: one JSON line per file, in order", () => {
    const files = [
      "django_debug_toolbar-3.8.1.dist-info.METADATA",
      "django_tastypie-0.13.3.egg-info.METADATA",
      "channels-4.0.0.egg-info.METADATA",
    ].map((f) => sharedData("core-metadata", f));
    const r = guildhall("packages", "inspect", ...files, "--json");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => (JSON.parse(l) as { name: string }).name)).toEqual([
      "django_debug_toolbar",
      "django-tastypie",
      "channels",
    ]);
    const text = guildhall("packages", "inspect", ...files.slice(0, 2));
    expect(text.code).toBe(0);
    expect(text.stdout.match(/^file: /gm)).toHaveLength(2);
    const oneBad = guildhall("packages", "inspect", files[0] ?? "", "/nonexistent/METADATA", "--json");
    expect(oneBad.code).toBe(1);
    expect(oneBad.stdout).toBe("");
    expect(oneBad.stderr.trim()).toBe("guildhall: Cannot read metadata file /nonexistent/METADATA");
  });

  it("charters check takes several files and exits 1 naming each one that lacks something", () => {
    const snapshot = sharedData("dsf-working-groups");
    const files = ["active/social-media.md", "proposals/marketing.md"].map((f) => path.join(snapshot, f));
    const r = guildhall("charters", "check", ...files, "--json");
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; complete: boolean });
    expect(lines.map((l) => [path.basename(l.file), l.complete])).toEqual([
      ["social-media.md", true],
      ["marketing.md", false],
    ]);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("marketing.md lacks 3 required item(s)");
  });
});

describe("version, usage errors and bad flag values", () => {
  it("--version prints the package's version", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const r = guildhall(flag);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
  });

  it("a usage error is one line on stderr, exit 2, naming the command's help", () => {
    const unknownOption = guildhall("audit", "--group", "x", "--frobnicate");
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stdout).toBe("");
    expect(unknownOption.stderr).toBe(
      `guildhall: unknown option '--frobnicate' (run "guildhall audit --help" for usage)\n`,
    );
    const missing = guildhall("charters", "parse");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `guildhall: missing required argument 'files' (run "guildhall charters parse --help" for usage)\n`,
    );
    const unknownCommand = guildhall("chartres");
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr.trim().split("\n")).toHaveLength(1);
    expect(unknownCommand.stderr).toContain("unknown command 'chartres'");
    expect(unknownCommand.stderr).toContain("charters");
  });

  it("audit --format xml is an error: exit 1, one line, nothing on stdout", () => {
    const r = guildhall("audit", "--group", "website", "--format", "xml");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe('guildhall: Invalid --format "xml": expected one of csv, json\n');
    const both = guildhall("audit", "--group", "website", "--format", "csv", "--json");
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("cannot be combined with --format csv");
  });

  it("ids out of range or not numbers are refused before anything runs", () => {
    for (const [args, name] of [
      [["votes", "show", "twelve"], "vote id"],
      [["votes", "show", "2147483648"], "vote id"],
      [["users", "end-role", "0"], "ID"],
      [["roles", "end", "3.5"], "ID"],
      [["charters", "aliases", "reject", "1e3"], "ID"],
      [["tokens", "revoke", "99999999999999999999", "--email", "a@b.c"], "ID"],
    ] as const) {
      const r = guildhall(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(`^guildhall: Invalid ${name}: expected a whole number from 1 to 2147483647, got "`),
      );
    }
    const top = guildhall("readiness", "6.1", "--top", "15001");
    expect(top.code).toBe(1);
    expect(top.stderr).toContain("Invalid --top: expected a whole number from 1 to 15000");
  });

  it("a reader that closes the pipe early does not make the command fail", () => {
    // `releases` keeps running after its output (it closes the database), so a write to a closed
    // pipe comes back as an error while the process is still alive.
    const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-cli-pipe-"));
    try {
      const r = spawnSync(
        "/bin/bash",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
        ["-c", 'node bin/guildhall.js releases --json | head -c 10 >/dev/null; echo "exit ${PIPESTATUS[0]}"'],
        {
          cwd: ROOT,
          encoding: "utf8",
          env: { ...process.env, GUILDHALL_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" },
          timeout: 120_000,
        },
      );
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("exit 0\n");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
