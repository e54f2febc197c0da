/**
 * Deterministic project models for the local PyPI-compatible index: every project of the shared
 * TSV gets a release history, files, classifiers, dependencies and owners derived from a hash of
 * its name, so two runs (and two processes) serve byte-identical documents.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/** One row of the shared TSV (name, latest version, month of latest release, rank, summary). */
export interface IndexRow {
  name: string;
  version: string;
  month: string;
  rank: number | null;
  summary: string;
}

/** A distribution file of a release. */
export interface ModelFile {
  filename: string;
  packagetype: "sdist" | "bdist_wheel";
  uploadTime: string;
  sha256: string;
  size: number;
  requiresPython: string | null;
  yanked: boolean;
  /** True when a PEP 658 metadata file is served beside it. */
  hasMetadata: boolean;
}

/** One release with its files and the metadata it declared. */
export interface ModelRelease {
  version: string;
  files: ModelFile[];
  classifiers: string[];
  requiresDist: string[];
  requiresPython: string | null;
  yanked: boolean;
}

/** Everything the index knows about one project. */
export interface ProjectModel {
  name: string;
  displayName: string;
  summary: string;
  rank: number | null;
  releases: ModelRelease[];
  projectUrls: Record<string, string>;
  roles: Array<{ role: string; user: string }>;
  organization: string | null;
  /** Extra releases added by serial bumps that change content. */
  generation: number;
}

/** FNV-1a 32-bit hash: the seed of every deterministic choice. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads the TSV (plain or gzip) into rows, skipping the header and malformed lines. */
export function readIndexRows(file: string): IndexRow[] {
  let buf = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  const rows: IndexRow[] = [];
  const lines = buf.toString("utf8").split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [name, version, month, rank, summary] = line.split("\t");
    if (!name || !version || !month || !/^\d{4}-\d{2}$/.test(month)) continue;
    rows.push({ name, version, month, rank: rank ? Number(rank) : null, summary: summary ?? "" });
  }
  return rows;
}

/** Django feature releases and when they came out (for classifiers a release could declare). */
const DJANGO_SERIES: ReadonlyArray<[string, string]> = [
  ["1.8", "2015-04"],
  ["1.9", "2015-12"],
  ["1.10", "2016-08"],
  ["1.11", "2017-04"],
  ["2.0", "2017-12"],
  ["2.1", "2018-08"],
  ["2.2", "2019-04"],
  ["3.0", "2019-12"],
  ["3.1", "2020-08"],
  ["3.2", "2021-04"],
  ["4.0", "2021-12"],
  ["4.1", "2022-08"],
  ["4.2", "2023-04"],
  ["5.0", "2023-12"],
  ["5.1", "2024-08"],
  ["5.2", "2025-04"],
  ["6.0", "2025-12"],
  ["6.1", "2026-08"],
];

const PYTHON_SERIES: ReadonlyArray<[string, string]> = [
  ["3.4", "2014-03"],
  ["3.5", "2015-09"],
  ["3.6", "2016-12"],
  ["3.7", "2018-06"],
  ["3.8", "2019-10"],
  ["3.9", "2020-10"],
  ["3.10", "2021-10"],
  ["3.11", "2022-10"],
  ["3.12", "2023-10"],
  ["3.13", "2024-10"],
  ["3.14", "2025-10"],
];

const OTHER_DEPS = [
  "djangorestframework>=3.12",
  "requests>=2.25",
  "celery>=5.2",
  "pillow",
  "python-dateutil>=2.8",
  "sqlparse>=0.2",
  "asgiref>=3.6",
  "typing-extensions; python_version < '3.11'",
];

const USERS = [
  "alice",
  "bmoreau",
  "cnakamura",
  "dokafor",
  "eli",
  "fpetrov",
  "gsilva",
  "hkhan",
  "iolsen",
  "jzhou",
];

function pick<T>(r: () => number, items: ReadonlyArray<T>): T {
  return items[Math.floor(r() * items.length)] as T;
}

function window<T>(items: ReadonlyArray<[T, string]>, month: string, r: () => number): T[] {
  const available = items.filter(([, m]) => m <= month).map(([v]) => v);
  if (available.length === 0) return [];
  const lag = r() < 0.3 ? 1 : 0;
  const end = Math.max(1, available.length - lag);
  const size = 1 + Math.floor(r() * 4);
  return available.slice(Math.max(0, end - size), end);
}

/** Earlier versions for a history: walks back from the latest when it is a plain X.Y[.Z]. */
function earlierVersions(latest: string, count: number): string[] {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(latest);
  if (!m) return [];
  let major = Number(m[1]);
  let minor = Number(m[2]);
  let patch = m[3] === undefined ? null : Number(m[3]);
  const out: string[] = [];
  while (out.length < count) {
    if (patch !== null && patch > 0) patch--;
    else if (minor > 0) {
      minor--;
      patch = patch === null ? null : 3;
    } else if (major > 0) {
      major--;
      minor = 9;
      patch = patch === null ? null : 2;
    } else break;
    out.push(patch === null ? `${major}.${minor}` : `${major}.${minor}.${patch}`);
  }
  return out.reverse();
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function fakeSha(text: string): string {
  let out = "";
  for (let i = 0; out.length < 64; i++) out += hash32(`${text}#${i}`).toString(16).padStart(8, "0");
  return out.slice(0, 64);
}

function releaseDeclarations(
  r: () => number,
  month: string,
  style: ProjectStyle,
): Omit<ModelRelease, "version" | "files" | "yanked"> {
  const classifiers: string[] = ["Development Status :: 4 - Beta", "Environment :: Web Environment"];
  if (style.djangoClassifiers) {
    classifiers.push("Framework :: Django");
    for (const s of window(DJANGO_SERIES, month, r)) classifiers.push(`Framework :: Django :: ${s}`);
    if (r() < 0.1) classifiers.push(`Framework :: Django :: ${pick(r, ["4", "5"])}`);
  }
  if (style.pythonClassifiers) {
    classifiers.push("Programming Language :: Python", "Programming Language :: Python :: 3");
    for (const s of window(PYTHON_SERIES, month, r))
      classifiers.push(`Programming Language :: Python :: ${s}`);
  }
  classifiers.push(
    pick(r, ["License :: OSI Approved :: MIT License", "License :: OSI Approved :: BSD License"]),
  );
  classifiers.sort();
  const requiresDist: string[] = [];
  const django = DJANGO_SERIES.filter(([, m]) => m <= month).map(([v]) => v);
  const lower = django.length ? django[Math.max(0, django.length - 1 - Math.floor(r() * 4))] : "1.8";
  switch (style.djangoBound) {
    case "lower":
      requiresDist.push(`Django>=${lower}`);
      break;
    case "range": {
      const upperIndex = Math.min(DJANGO_SERIES.length - 1, django.length + Math.floor(r() * 2));
      const upper = DJANGO_SERIES[upperIndex]?.[0] ?? "7.0";
      requiresDist.push(`Django<${upper},>=${lower}`);
      break;
    }
    case "bare":
      requiresDist.push("Django");
      break;
    case "none":
      break;
  }
  if (r() < 0.4) requiresDist.push(pick(r, OTHER_DEPS));
  if (r() < 0.3) requiresDist.push('pytest-django>=4.5; extra == "test"');
  const py = PYTHON_SERIES.filter(([, m]) => m <= month).map(([v]) => v);
  const requiresPython =
    style.requiresPython && py.length ? `>=${py[Math.max(0, py.length - 3 - Math.floor(r() * 3))]}` : null;
  return { classifiers, requiresDist, requiresPython };
}

interface ProjectStyle {
  djangoClassifiers: boolean;
  pythonClassifiers: boolean;
  djangoBound: "lower" | "range" | "bare" | "none";
  requiresPython: boolean;
  wheels: boolean;
}

/** Builds the deterministic model of one project from its TSV row. */
export function buildProject(row: IndexRow, generation = 0): ProjectModel {
  const seed = hash32(row.name);
  const r = prng(seed);
  const month = row.month;
  const style: ProjectStyle = {
    djangoClassifiers: r() < 0.6,
    pythonClassifiers: r() < 0.7,
    djangoBound: pick(r, ["lower", "lower", "range", "bare", "none"] as const),
    requiresPython: r() < 0.6 && month >= "2016-01",
    wheels: r() < 0.7 && month >= "2013-01",
  };
  const historyLength = Math.floor(r() * (row.rank ? 14 : 6));
  const versions = [...earlierVersions(row.version, historyLength), row.version];
  const day = 1 + Math.floor(r() * 27);
  const latestAt = `${month}-${String(day).padStart(2, "0")}T${String(Math.floor(r() * 24)).padStart(2, "0")}:${String(Math.floor(r() * 60)).padStart(2, "0")}:17Z`;
  const releases: ModelRelease[] = [];
  let at = latestAt;
  const dates: string[] = [latestAt];
  for (let i = versions.length - 2; i >= 0; i--) {
    at = addDays(at, -(20 + Math.floor(r() * 200)));
    dates.unshift(at);
  }
  for (let g = 1; g <= generation; g++) {
    versions.push(`${row.version}.post${g}`);
    dates.push(addDays(latestAt, 3 * g));
  }
  versions.forEach((version, i) => {
    const uploaded = dates[i] ?? latestAt;
    const decl = releaseDeclarations(r, uploaded.slice(0, 7), style);
    const yanked = i < versions.length - 1 ? r() < 0.04 : r() < 0.01;
    const sdistName = `${row.name.replace(/-/g, "_")}-${version}.tar.gz`;
    const files: ModelFile[] = [
      {
        filename: sdistName,
        packagetype: "sdist",
        uploadTime: uploaded,
        sha256: fakeSha(sdistName),
        size: 4000 + (hash32(sdistName) % 90000),
        requiresPython: decl.requiresPython,
        yanked,
        hasMetadata: false,
      },
    ];
    if (style.wheels && uploaded >= "2013-01") {
      const wheelName = `${row.name.replace(/-/g, "_")}-${version}-py3-none-any.whl`;
      files.push({
        filename: wheelName,
        packagetype: "bdist_wheel",
        uploadTime: addDays(uploaded, 0),
        sha256: fakeSha(wheelName),
        size: 3000 + (hash32(wheelName) % 80000),
        requiresPython: decl.requiresPython,
        yanked,
        hasMetadata: true,
      });
    }
    releases.push({ version, files, yanked, ...decl });
  });
  // A separate stream so added releases (serial bumps) leave owners and links unchanged.
  const r2 = prng(seed ^ 0x5bd1e995);
  const owner = pick(r2, USERS);
  const roles = [{ role: "Owner", user: owner }];
  if (r2() < 0.5)
    roles.push({
      role: "Maintainer",
      user: pick(
        r2,
        USERS.filter((u) => u !== owner),
      ),
    });
  const organization = r2() < 0.15 ? pick(r2, ["jazzband", "django-commons", "wagtail", "encode"]) : null;
  const host = organization ?? owner;
  const projectUrls: Record<string, string> = {};
  if (r2() < 0.85) projectUrls["Homepage"] = `https://github.com/${host}/${row.name}`;
  if (r2() < 0.4) projectUrls["Documentation"] = `https://${row.name}.readthedocs.io/`;
  if (r2() < 0.3) projectUrls["Changelog"] = `https://github.com/${host}/${row.name}/blob/main/CHANGELOG.md`;
  const displayName = seed % 5 === 0 ? row.name.replace(/^django-/, "Django-") : row.name;
  return {
    name: row.name,
    displayName,
    summary: row.summary,
    rank: row.rank,
    releases,
    projectUrls,
    roles,
    organization,
    generation,
  };
}
