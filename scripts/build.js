// @ts-check
/**
 * Compiles src/ to JavaScript once per version of the sources, so the command line and the server
 * start without transpiling TypeScript. Each build lives in dist/<hash of the sources>/ and is
 * never changed once written: the entry points hash the sources on every start (about 10 ms) and
 * run the build of exactly that hash, building it first when it is missing. A stale build can
 * therefore never run, and two processes starting together cannot see a half-written one (each
 * builds into a temporary directory and renames it into place).
 *
 * Run by `npm install` (the `prepare` script) and by the entry points in bin/ when needed;
 * `node scripts/build.js` builds by hand and prints where. Plain JavaScript so that checking the
 * build costs no transpiler.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The package root: where package.json, src/ and dist/ are. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Builds kept besides the current one, for processes still running from an older one. */
const KEEP = 3;

/** True for a file the build compiles: TypeScript under src/ that is not a test. */
export function isBuildInput(/** @type {string} */ name) {
  return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts");
}

/**
 * Lists the build's inputs, relative to the root, in a stable order.
 * @returns {string[]}
 */
export function buildInputs(root = ROOT) {
  const src = path.join(root, "src");
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && isBuildInput(d.name))
    .map((d) =>
      path
        .relative(root, path.join(d.parentPath ?? d.path, d.name))
        .split(path.sep)
        .join("/"),
    )
    .sort();
}

/**
 * JSON tables under src/ that sources import (bundled into the importing file), relative to the
 * root: part of the hash so that editing one gives another build. Migrations' metadata is read at
 * run time from src/, not imported.
 * @returns {string[]}
 */
function bundledData(root = ROOT) {
  const src = path.join(root, "src");
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".json"))
    .map((d) =>
      path
        .relative(root, path.join(d.parentPath ?? d.path, d.name))
        .split(path.sep)
        .join("/"),
    )
    .filter((f) => !f.includes("/migrations/") && !f.includes("/fixtures/"))
    .sort();
}

/**
 * Hashes the content and names of the build's inputs and of this script (its options shape the
 * output), so any edit, added or removed file gives another build.
 */
export function sourceHash(root = ROOT) {
  const h = createHash("sha256");
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of [...buildInputs(root), ...bundledData(root)]) {
    h.update(`\0${file}\0`);
    h.update(readFileSync(path.join(root, file)));
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * Makes relative imports of the sources external and points them at the compiled file, so each
 * source file compiles to one output file beside its peers (src/a/b.ts -> dist/<hash>/a/b.js) and
 * `import("./x.ts")` stays a lazy import of x.js.
 * @type {import("esbuild").Plugin}
 */
const keepModulesApart = {
  name: "keep-modules-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      // A JSON table the sources import is bundled into the importing file (it is data, not a module).
      if (args.path.endsWith(".json")) return undefined;
      return { path: args.path.replace(/\.tsx?$/, ".js"), external: true };
    });
  },
};

/**
 * Compiles the sources into `outdir` (created).
 * @param {string} outdir
 */
async function compile(outdir, root = ROOT) {
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: buildInputs(root),
    outbase: "src",
    outdir,
    bundle: true,
    packages: "external",
    plugins: [keepModulesApart],
    platform: "node",
    format: "esm",
    target: "node20",
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    sourcemap: "linked",
    // The project's tsconfig only type-checks (noEmit); the build's settings are all here.
    tsconfigRaw: {},
    logLevel: "silent",
  });
}

/**
 * Removes builds beyond the newest few, and temporary directories of builds that died.
 * @param {string} dist
 * @param {string} current
 */
function prune(dist, current) {
  const now = Date.now();
  const builds = [];
  for (const d of readdirSync(dist, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name === current) continue;
    const full = path.join(dist, d.name);
    const mtime = statSync(full).mtimeMs;
    if (d.name.startsWith(".tmp-")) {
      if (now - mtime > 10 * 60_000) rmSync(full, { recursive: true, force: true });
    } else builds.push({ full, mtime });
  }
  builds.sort((a, b) => b.mtime - a.mtime);
  for (const b of builds.slice(KEEP)) rmSync(b.full, { recursive: true, force: true });
}

/** Why a build failed, in one line per esbuild message. */
function describeFailure(/** @type {unknown} */ e) {
  const errors = /** @type {{ errors?: import("esbuild").Message[] }} */ (e).errors;
  if (!Array.isArray(errors) || errors.length === 0) return e instanceof Error ? e.message : String(e);
  return errors
    .map((m) =>
      m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ${m.text}` : m.text,
    )
    .join("\n");
}

/**
 * Returns the directory of the build of the current sources (dist/<hash>), compiling it first
 * when missing. `onBuild` is told before a compile starts (the entry points say so on stderr).
 * @param {{ onBuild?: (hash: string) => void, root?: string }} [options]
 * @returns {Promise<string>}
 */
export async function ensureBuilt(options = {}) {
  const root = options.root ?? ROOT;
  const dist = path.join(root, "dist");
  const hash = sourceHash(root);
  const dir = path.join(dist, hash);
  if (existsSync(dir)) return dir;
  options.onBuild?.(hash);
  mkdirSync(dist, { recursive: true });
  const tmp = path.join(dist, `.tmp-${hash}-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await compile(tmp, root);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`cannot compile the sources:\n${describeFailure(e)}`);
  }
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another process finished the same build first; its copy is identical.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw e;
  }
  prune(dist, hash);
  return dir;
}

/**
 * Runs one compiled entry point (`cli.js`, `main.js`) of the current sources: what bin/ does.
 * @param {string} entry
 */
export async function runBuilt(entry) {
  let dir;
  try {
    dir = await ensureBuilt({
      onBuild: () => process.stderr.write("guildhall: the sources changed since the last build; compiling\n"),
    });
  } catch (e) {
    process.stderr.write(`guildhall: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  await import(pathToFileURL(path.join(dir, entry)).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  ensureBuilt()
    .then((dir) => {
      process.stdout.write(
        `${path.relative(process.cwd(), dir) || dir} (${Math.round(performance.now() - started)} ms)\n`,
      );
    })
    .catch((e) => {
      process.stderr.write(`guildhall: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}
