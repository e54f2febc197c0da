/**
 * Fetches one project's documents from an index: the PEP 691 project page (conditional on the
 * stored ETag), then the JSON API, then the latest release's PEP 658 core metadata file when
 * offered. Never throws for a project's own problems: they come back as a `problem` result.
 */
import { isAppError } from "../../platform/errors.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import {
  DocumentProblem,
  type ProblemKind,
  parseJsonApi,
  parseSimpleProject,
  readCoreMetadataFields,
} from "./pypi-documents.ts";
import type { ProjectResult } from "./sync.repo.ts";

/** Accept header of the PEP 691 JSON simple API. */
export const SIMPLE_ACCEPT = "application/vnd.pypi.simple.v1+json";

/** Fetches and parses one project; `etag` is the one stored from the previous sync. */
export async function fetchProject(input: {
  http: HttpClient;
  indexUrl: string;
  name: string;
  serial: number;
  etag: string | null;
  signal?: AbortSignal;
}): Promise<ProjectResult> {
  const { http, name, serial } = input;
  const base = input.indexUrl.replace(/\/+$/, "");
  try {
    const pageUrl = `${base}/simple/${encodeURIComponent(name)}/`;
    const page = await http.fetch(pageUrl, {
      headers: { accept: SIMPLE_ACCEPT, ...(input.etag ? { "if-none-match": input.etag } : {}) },
      acceptStatus: [304, 404, 410],
      signal: input.signal,
    });
    if (page.status === 304) {
      await page.body?.cancel();
      return { kind: "not_modified", name, serial, etag: input.etag };
    }
    if (page.status === 404 || page.status === 410) {
      await page.body?.cancel();
      return problem(name, serial, "not_found", `simple page answered ${page.status}`);
    }
    const etag = page.headers.get("etag");
    const files = parseSimpleProject(await readBody(page, "simple page"), pageUrl);

    const doc = await http.fetch(`${base}/pypi/${encodeURIComponent(name)}/json`, {
      headers: { accept: "application/json" },
      acceptStatus: [404, 410],
      signal: input.signal,
    });
    if (doc.status === 404 || doc.status === 410) {
      await doc.body?.cancel();
      return problem(name, serial, "not_found", `JSON API answered ${doc.status}`);
    }
    const record = parseJsonApi(await readBody(doc, "JSON API document"));

    let coreMetadata: Record<string, string[]> | null = null;
    let warning: { kind: ProblemKind; message: string } | null = null;
    const wheel = files.find((f) => f.hasMetadata && fileVersion(f.filename, name) === record.latestVersion);
    if (wheel) {
      try {
        const meta = await http.fetch(`${wheel.url}.metadata`, { signal: input.signal });
        coreMetadata = readCoreMetadataFields(await readBody(meta, "core metadata"));
      } catch (e) {
        const p = classify(e);
        warning = { kind: "metadata", message: p.message };
      }
    }
    return { kind: "fetched", name, serial, etag, record, coreMetadata, warning };
  } catch (e) {
    if (input.signal?.aborted) throw e;
    const p = classify(e);
    return problem(name, serial, p.kind, p.message);
  }
}

function problem(name: string, serial: number, kind: ProblemKind, message: string): ProjectResult {
  return { kind: "problem", name, serial, problem: { kind, message } };
}

async function readBody(res: Response, what: string): Promise<string> {
  try {
    return await res.text();
  } catch (e) {
    throw new DocumentProblem(
      "truncated",
      `${what}: body cut short (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

/** The version part of a wheel or sdist filename of project `name`. */
function fileVersion(filename: string, name: string): string | null {
  const prefix = `${name.replace(/-/g, "_")}-`;
  const lower = filename.toLowerCase();
  if (!lower.startsWith(prefix)) return null;
  const rest = filename.slice(prefix.length);
  if (rest.endsWith(".whl")) return rest.split("-")[0] ?? null;
  return rest.replace(/\.(tar\.gz|zip|tar\.bz2)$/, "");
}

function classify(e: unknown): { kind: ProblemKind; message: string } {
  if (e instanceof DocumentProblem) return { kind: e.kind, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  if (isAppError(e)) {
    if (/timed out/.test(message)) return { kind: "timeout", message };
    if (/answered \d{3}/.test(message)) return { kind: "http", message };
    return { kind: "network", message };
  }
  return { kind: "network", message };
}
