/**
 * The PyPI documents a sync reads (PEP 691 simple API, JSON API, PEP 658 core metadata), checked
 * with zod and reduced to what the catalogue stores. Pure: no I/O.
 */
import { z } from "zod";
import { parseCoreMetadata, unfold } from "../compat/core-metadata.ts";
import { normalizeName } from "../packages/normalize-name.ts";

/** Kinds of problem recorded against a project when its documents cannot be used. */
export type ProblemKind =
  | "not_found"
  | "malformed"
  | "truncated"
  | "http"
  | "timeout"
  | "network"
  | "metadata";

/** A document that could not be used, with the kind recorded against the project. */
export class DocumentProblem extends Error {
  readonly kind: ProblemKind;
  constructor(kind: ProblemKind, message: string) {
    super(message);
    this.name = "DocumentProblem";
    this.kind = kind;
  }
}

const SimpleIndexSchema = z.object({
  meta: z.object({ "_last-serial": z.number().int().optional() }).passthrough().optional(),
  projects: z.array(z.object({ name: z.string().min(1), "_last-serial": z.number().int() })),
});

/** One project of the index listing. */
export interface ListedProject {
  name: string;
  serial: number;
}

/** Parses the PEP 691 `/simple/` listing into normalised names and serials. */
export function parseSimpleIndex(text: string): { projects: ListedProject[]; lastSerial: number | null } {
  const doc = SimpleIndexSchema.parse(parseJson(text));
  const seen = new Map<string, number>();
  for (const p of doc.projects) {
    const name = normalizeName(p.name);
    seen.set(name, Math.max(seen.get(name) ?? 0, p["_last-serial"]));
  }
  return {
    projects: [...seen].map(([name, serial]) => ({ name, serial })),
    lastSerial: doc.meta?.["_last-serial"] ?? null,
  };
}

const SimpleFileSchema = z.object({
  filename: z.string(),
  url: z.string(),
  "requires-python": z.string().nullish(),
  "upload-time": z.string().nullish(),
  yanked: z.union([z.boolean(), z.string()]).optional(),
  "core-metadata": z.union([z.boolean(), z.record(z.string(), z.string())]).optional(),
  "dist-info-metadata": z.union([z.boolean(), z.record(z.string(), z.string())]).optional(),
});

const SimpleProjectSchema = z.object({
  name: z.string(),
  files: z.array(SimpleFileSchema),
  versions: z.array(z.string()).optional(),
});

/** A file of a project's simple page, as far as the sync needs it. */
export interface SimpleFile {
  filename: string;
  url: string;
  /** True when a PEP 658 metadata file is offered at `<url>.metadata`. */
  hasMetadata: boolean;
}

/** Parses a PEP 691 project page: its files and whether each offers core metadata. */
export function parseSimpleProject(text: string, pageUrl: string): SimpleFile[] {
  const parsed = SimpleProjectSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DocumentProblem(
      "malformed",
      `simple page: ${issue?.path.join(".") || "document"}: ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data.files.map((f) => {
    const meta = f["core-metadata"] ?? f["dist-info-metadata"];
    return { filename: f.filename, url: new URL(f.url, pageUrl).toString(), hasMetadata: Boolean(meta) };
  });
}

const JsonFileSchema = z.object({
  filename: z.string(),
  packagetype: z.string().optional(),
  upload_time_iso_8601: z.string().nullish(),
  upload_time: z.string().nullish(),
  requires_python: z.string().nullish(),
  yanked: z.boolean().optional(),
});

const JsonApiSchema = z.object({
  info: z.object({
    name: z.string().min(1),
    version: z.string().min(1),
    summary: z.string().nullish(),
    classifiers: z.array(z.string()).nullish(),
    requires_dist: z.array(z.string()).nullish(),
    requires_python: z.string().nullish(),
    project_urls: z.record(z.string(), z.string()).nullish(),
    yanked: z.boolean().nullish(),
  }),
  last_serial: z.number().int().optional(),
  releases: z.record(z.string(), z.array(JsonFileSchema)).optional(),
  ownership: z
    .object({
      roles: z.array(z.object({ role: z.string(), user: z.string() })).optional(),
      organization: z.string().nullish(),
    })
    .nullish(),
  vulnerabilities: z
    .array(
      z.object({
        id: z.string(),
        aliases: z.array(z.string()).nullish(),
        summary: z.string().nullish(),
        details: z.string().nullish(),
        fixed_in: z.array(z.string()).nullish(),
        link: z.string().nullish(),
        withdrawn: z.string().nullish(),
      }),
    )
    .nullish(),
});

/** One release as the catalogue stores it. */
export interface ReleaseRecord {
  version: string;
  uploadedAt: Date | null;
  yanked: boolean;
  requiresPython: string | null;
}

/** What the JSON API says about a project, reduced to catalogue fields. */
export interface ProjectRecord {
  name: string;
  displayName: string;
  latestVersion: string;
  latestReleaseAt: Date | null;
  summary: string | null;
  classifiers: string[];
  requiresDist: string[];
  requiresPython: string | null;
  projectUrls: Record<string, string>;
  yanked: boolean;
  ownership: { roles: Array<{ role: string; user: string }>; organization: string | null };
  lastSerial: number | null;
  releases: ReleaseRecord[];
  /** Known vulnerabilities of the latest release (withdrawn ones left out); null when the document has no such field. */
  vulnerabilities: Array<{
    id: string;
    aliases: string[];
    summary: string | null;
    fixedIn: string[];
    link: string | null;
  }> | null;
}

/** Parses `/pypi/<project>/json`; a body that is cut short or not the documented shape is a DocumentProblem. */
export function parseJsonApi(text: string): ProjectRecord {
  const parsed = JsonApiSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DocumentProblem(
      "malformed",
      `JSON API document: ${issue?.path.join(".") || "document"}: ${issue?.message ?? "invalid"}`,
    );
  }
  const doc = parsed.data;
  const releases: ReleaseRecord[] = Object.entries(doc.releases ?? {}).map(([version, files]) => {
    let uploadedAt: Date | null = null;
    for (const f of files) {
      const at = parseTime(f.upload_time_iso_8601 ?? f.upload_time ?? null);
      if (at && (!uploadedAt || at < uploadedAt)) uploadedAt = at;
    }
    return {
      version,
      uploadedAt,
      yanked: files.length > 0 && files.every((f) => f.yanked === true),
      requiresPython: files.find((f) => f.requires_python)?.requires_python ?? null,
    };
  });
  releases.sort(
    (a, b) =>
      (a.uploadedAt?.getTime() ?? 0) - (b.uploadedAt?.getTime() ?? 0) || a.version.localeCompare(b.version),
  );
  const info = doc.info;
  return {
    name: normalizeName(info.name),
    displayName: info.name,
    latestVersion: info.version,
    latestReleaseAt: releases.find((r) => r.version === info.version)?.uploadedAt ?? null,
    summary: info.summary?.trim() ? info.summary : null,
    classifiers: info.classifiers ?? [],
    requiresDist: info.requires_dist ?? [],
    requiresPython: info.requires_python?.trim() ? info.requires_python : null,
    projectUrls: info.project_urls ?? {},
    yanked: info.yanked ?? false,
    ownership: { roles: doc.ownership?.roles ?? [], organization: doc.ownership?.organization ?? null },
    lastSerial: doc.last_serial ?? null,
    releases,
    vulnerabilities:
      doc.vulnerabilities === undefined || doc.vulnerabilities === null
        ? null
        : doc.vulnerabilities
            .filter((v) => !v.withdrawn)
            .map((v) => ({
              id: v.id,
              aliases: v.aliases ?? [],
              summary: v.summary?.trim() || v.details?.trim().split("\n")[0] || null,
              fixedIn: v.fixed_in ?? [],
              link: v.link ?? null,
            })),
  };
}

/**
 * Reads a core metadata file (METADATA / PKG-INFO) with the compat room's Python-faithful header
 * parser and keeps the fields the catalogue stores (descriptions are dropped).
 */
export function readCoreMetadataFields(text: string): Record<string, string[]> {
  const meta = parseCoreMetadata(text);
  if (!meta.metadataVersion || !meta.name) {
    throw new DocumentProblem("metadata", "core metadata: Metadata-Version or Name is missing");
  }
  const out: Record<string, string[]> = {};
  for (const h of meta.headers) {
    const key = KEPT_METADATA_FIELDS.find((k) => k.toLowerCase() === h.name.toLowerCase());
    if (!key) continue;
    const values = out[key] ?? [];
    values.push(unfold(h.value));
    out[key] = values;
  }
  return out;
}

/** Core metadata fields kept in the catalogue. */
export const KEPT_METADATA_FIELDS = [
  "Metadata-Version",
  "Name",
  "Version",
  "Requires-Python",
  "Requires-Dist",
  "Classifier",
  "Project-URL",
  "License-Expression",
  "Author-email",
  "Maintainer-email",
] as const;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const truncated = /end of (JSON )?input|Unterminated/i.test(message);
    throw new DocumentProblem(truncated ? "truncated" : "malformed", `invalid JSON: ${message}`);
  }
}

function parseTime(value: string | null): Date | null {
  if (!value) return null;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const t = Date.parse(withZone);
  return Number.isNaN(t) ? null : new Date(t);
}
