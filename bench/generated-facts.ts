/**
 * Package facts generated from a hash of each project's name, for benchmarks over the whole
 * catalogue (the snapshot TSV has names, versions and ranks only). Deterministic: the same facts
 * every run, covering every evidence path of the compatibility rules.
 */
import type { RankedPackage } from "../src/ecosystem/index.ts";

/** FNV-1a, then a small xorshift stream: deterministic pseudo-random numbers per project. */
export function rng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let x = h || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/** Django series the generated classifiers draw from. */
export const SERIES_OLD = ["3.2", "4.0", "4.1", "4.2", "5.0", "5.1", "5.2", "6.0", "6.1"];
/** Python versions the generated classifiers draw from. */
export const PY = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

/** Generated facts for one snapshot row. */
export function factsFor(name: string, version: string, rank: number | null): RankedPackage {
  const r = rng(name);
  // Generated facts stand for a synced catalogue (the snapshot itself has no metadata).
  const base = { name, displayName: name, version, downloadRank: rank, metadataKnown: true };
  if (r() < 0.2) return { ...base, classifiers: [], requiresDist: [], requiresPython: null };
  const end = Math.floor(r() * SERIES_OLD.length);
  const start = Math.max(0, end - 1 - Math.floor(r() * 4));
  const classifiers = ["Framework :: Django"];
  const k = r();
  if (k < 0.55)
    for (const s of SERIES_OLD.slice(start, end + 1)) classifiers.push(`Framework :: Django :: ${s}`);
  else if (k < 0.62) classifiers.push("Framework :: Django :: 5");
  const pyStart = Math.floor(r() * 4);
  for (const p of PY.slice(pyStart, pyStart + 3 + Math.floor(r() * 3))) {
    classifiers.push(`Programming Language :: Python :: ${p}`);
  }
  const requiresDist: string[] = [];
  const d = r();
  const low = SERIES_OLD[start] ?? "3.2";
  const high = SERIES_OLD[Math.min(end + 1, SERIES_OLD.length - 1)] ?? "6.1";
  if (d < 0.45) requiresDist.push(`Django>=${low}`);
  else if (d < 0.65) requiresDist.push(`Django>=${low},<${high}`);
  else if (d < 0.72)
    requiresDist.push(
      `Django (>=${low}, <${high}) ; python_version >= "3.10"`,
      `Django<5.0 ; python_version < "3.10"`,
    );
  requiresDist.push("asgiref>=3.6", 'pytest-django>=4 ; extra == "test"', `Django<4 ; extra == "legacy"`);
  const rp = r();
  const requiresPython = rp < 0.5 ? `>=${PY[pyStart]}` : rp < 0.55 ? "<3.10" : rp < 0.6 ? ">=3.8,<4" : null;
  return { ...base, classifiers, requiresDist, requiresPython };
}
