/**
 * A local PyPI-compatible index for tests and benchmarks: PEP 691 JSON simple API (and PEP 503
 * HTML), the JSON API, PEP 658 core-metadata files, ETags, serials, and per-project fault
 * injection (429 with Retry-After, 500, hangs, truncated and malformed JSON, 404).
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { sharedData } from "../shared-data.ts";
import { buildProject, hash32, type IndexRow, type ProjectModel, readIndexRows } from "./model.ts";

/** Fractions of projects (chosen by a hash of the name) that misbehave on their JSON API document. */
export interface FaultOptions {
  /** First request answers 429 with `Retry-After: retryAfterSeconds`; later ones succeed. */
  rate429?: number;
  retryAfterSeconds?: number;
  /** First request answers 500; later ones succeed. */
  transient500?: number;
  /** Always 500. */
  status500?: number;
  /** Never answers (the client's timeout must fire). */
  hang?: number;
  /** Sends half the body and closes the connection. */
  truncated?: number;
  /** Answers 200 with a body that is not valid JSON. */
  malformed?: number;
  /** Answers 404 although /simple/ lists the project. */
  missing?: number;
  /** The JSON API is fine but the project's PEP 658 core metadata files answer 500 (until the faults change). */
  metadata500?: number;
  /** Seed mixed into the choice, so different runs can pick different projects. */
  seed?: number;
}

/** Options of the local index. */
export interface PypiServerOptions {
  /** The TSV (or .tsv.gz) of projects to serve. */
  tsv?: string;
  /** Serve only the first `limit` projects (small tests). */
  limit?: number;
  port?: number;
  host?: string;
  faults?: FaultOptions;
  /** Delay before answering each JSON API request (to make runs long enough to interrupt). */
  latencyMs?: number;
}

/** Counters and what the server saw, for assertions. */
export interface PypiServerStats {
  requests: number;
  byKind: Record<string, number>;
  notModified: number;
  userAgents: Set<string>;
  faultsServed: Record<string, number>;
}

/** A running local index. */
export interface PypiServer {
  url: string;
  /** Normalised names served, in listing order. */
  names: string[];
  stats: PypiServerStats;
  /** The serial the listing currently gives a project. */
  serialOf(name: string): number | undefined;
  /** Projects whose fault (if any) is of `kind`. */
  faultyProjects(kind: keyof FaultOptions): string[];
  /**
   * Bumps the serials of `fraction` of projects (chosen by `seed`); every other bumped project
   * also gains a release (new content, new ETag); the rest keep their documents (ETag unchanged).
   */
  bumpSerials(fraction: number, seed: number): { bumped: string[]; changed: string[] };
  /** Removes projects from the listing and their pages (deleted upstream). */
  removeProjects(names: string[]): void;
  /** Adds a project at the end of the listing with a new serial. */
  addProject(row: IndexRow): void;
  /** Lists another PyPI user as an owner of a project (PyPI's ownership block): a new serial and ETag. */
  addOwner(name: string, user: string, role?: string): void;
  /** Stops listing a PyPI user as an owner of a project: a new serial and ETag. */
  removeOwner(name: string, user: string): void;
  setFaults(faults: FaultOptions): void;
  close(): Promise<void>;
}

const SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
const FAULT_KINDS = [
  "rate429",
  "transient500",
  "status500",
  "hang",
  "truncated",
  "malformed",
  "missing",
  "metadata500",
] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

/** Starts the index; resolves once it listens. */
export async function startPypiServer(options: PypiServerOptions = {}): Promise<PypiServer> {
  let rows = readIndexRows(options.tsv ?? sharedData("pypi-django-2026-11.tsv"));
  if (options.limit !== undefined) rows = rows.slice(0, options.limit);
  const byName = new Map<string, IndexRow>(rows.map((r) => [r.name, r]));
  const names = rows.map((r) => r.name);
  const serials = new Map<string, number>();
  names.forEach((n, i) => {
    serials.set(n, 1_000_000 + i * 40 + (hash32(n) % 40));
  });
  let maxSerial = 1_000_000 + names.length * 40;
  const generations = new Map<string, number>();
  const models = new Map<string, ProjectModel>();
  let faults: FaultOptions = options.faults ?? {};
  const faultOf = new Map<string, FaultKind>();
  const attempts = new Map<string, number>();
  const computeFaults = () => {
    faultOf.clear();
    attempts.clear();
    const seed = faults.seed ?? 0;
    for (const n of names) {
      const x = (hash32(`${seed}:${n}`) % 1_000_000) / 1_000_000;
      let acc = 0;
      for (const kind of FAULT_KINDS) {
        acc += faults[kind] ?? 0;
        if (x < acc) {
          faultOf.set(n, kind);
          break;
        }
      }
    }
  };
  computeFaults();
  let listingCache: string | null = null;
  const stats: PypiServerStats = {
    requests: 0,
    byKind: {},
    notModified: 0,
    userAgents: new Set(),
    faultsServed: {},
  };

  const model = (name: string): ProjectModel | undefined => {
    const row = byName.get(name);
    if (!row) return undefined;
    const generation = generations.get(name) ?? 0;
    const cached = models.get(name);
    if (cached && cached.generation === generation) return cached;
    const built = buildProject(row, generation);
    if (models.size > 30_000) models.clear();
    models.set(name, built);
    return built;
  };
  /** Owners added since the project was built (`addOwner`), by name. */
  const addedRoles = new Map<string, Array<{ role: string; user: string }>>();
  /** Owners removed since the project was built (`removeOwner`), by name (lower case). */
  const removedUsers = new Map<string, Set<string>>();
  const rolesOf = (m: ProjectModel) =>
    [...m.roles, ...(addedRoles.get(m.name) ?? [])].filter(
      (r) => !removedUsers.get(m.name)?.has(r.user.toLowerCase()),
    );
  const etagOf = (m: ProjectModel) =>
    `"${hash32(
      `${m.name}|${m.releases.map((r) => `${r.version}:${r.yanked}`).join(",")}|${m.generation}|${rolesOf(m)
        .map((r) => r.user)
        .join(",")}`,
    ).toString(16)}"`;
  const fileUrl = (base: string, filename: string) => {
    const h = hash32(filename).toString(16).padStart(8, "0");
    return `${base}/packages/${h.slice(0, 2)}/${h.slice(2, 4)}/${filename}`;
  };

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.keepAliveTimeout = 30_000;

  const count = (kind: string) => {
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
  };
  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...headers });
    res.end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests++;
    const ua = req.headers["user-agent"];
    if (ua) stats.userAgents.add(ua);
    const base = `http://${req.headers.host ?? "localhost"}`;
    const url = new URL(req.url ?? "/", base);
    const path = url.pathname;
    const wantsJson =
      (req.headers.accept ?? "").includes(SIMPLE_JSON) || (req.headers.accept ?? "").includes("json");

    if (path === "/simple/" || path === "/simple") {
      count("simple-index");
      if (!wantsJson) {
        const links = names.map((n) => `<a href="/simple/${n}/">${n}</a>`).join("\n");
        send(res, 200, "text/html", `<!DOCTYPE html><html><body>\n${links}\n</body></html>`, {
          "x-pypi-last-serial": String(maxSerial),
        });
        return;
      }
      listingCache ??= JSON.stringify({
        meta: { "api-version": "1.1", "_last-serial": maxSerial },
        projects: names.map((n) => ({ name: n, "_last-serial": serials.get(n) })),
      });
      send(res, 200, SIMPLE_JSON, listingCache, { "x-pypi-last-serial": String(maxSerial) });
      return;
    }

    let m = /^\/simple\/([^/]+)\/?$/.exec(path);
    if (m?.[1]) {
      count("simple-project");
      const p = model(m[1]);
      if (!p) return send(res, 404, "text/plain", "Not Found");
      const etag = etagOf(p);
      const serial = String(serials.get(p.name));
      if (req.headers["if-none-match"] === etag) {
        stats.notModified++;
        res.writeHead(304, { etag, "x-pypi-last-serial": serial });
        res.end();
        return;
      }
      const files = p.releases.flatMap((r) =>
        r.files.map((f) => ({
          filename: f.filename,
          url: fileUrl(base, f.filename),
          hashes: { sha256: f.sha256 },
          "requires-python": f.requiresPython,
          size: f.size,
          "upload-time": f.uploadTime,
          yanked: f.yanked,
          ...(f.hasMetadata ? { "core-metadata": { sha256: metadataSha(p, r.version) } } : {}),
        })),
      );
      const body = JSON.stringify({
        meta: { "api-version": "1.1", "_last-serial": Number(serial) },
        name: p.name,
        files,
        versions: p.releases.map((r) => r.version),
      });
      send(res, 200, SIMPLE_JSON, body, { etag, "x-pypi-last-serial": serial });
      return;
    }

    m = /^\/pypi\/([^/]+)\/([^/]+)\/json\/?$/.exec(path);
    if (m?.[1] && m[2]) {
      count("json");
      const p = model(m[1]);
      const doc = p ? versionDocument(p, decodeURIComponent(m[2]), base) : null;
      if (!doc) return send(res, 404, "application/json", '{"message": "Not Found"}');
      send(res, 200, "application/json", doc);
      return;
    }

    m = /^\/pypi\/([^/]+)\/json\/?$/.exec(path);
    if (m?.[1]) {
      count("json");
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      const p = model(m[1]);
      if (!p) return send(res, 404, "application/json", '{"message": "Not Found"}');
      const fault = faultOf.get(p.name);
      const n = (attempts.get(p.name) ?? 0) + 1;
      attempts.set(p.name, n);
      if (fault) {
        const served = () => {
          stats.faultsServed[fault] = (stats.faultsServed[fault] ?? 0) + 1;
        };
        switch (fault) {
          case "rate429":
            if (n === 1) {
              served();
              return send(res, 429, "text/plain", "Too Many Requests", {
                "retry-after": String(faults.retryAfterSeconds ?? 1),
              });
            }
            break;
          case "transient500":
            if (n === 1) {
              served();
              return send(res, 500, "text/plain", "Internal Server Error");
            }
            break;
          case "status500":
            served();
            return send(res, 500, "text/plain", "Internal Server Error");
          case "hang":
            served();
            return; // never answers; the socket is destroyed on close()
          case "missing":
            served();
            return send(res, 404, "application/json", '{"message": "Not Found"}');
          case "malformed":
            served();
            return send(res, 200, "application/json", `{"info": {"name": "${p.name}", "version": }`);
          case "truncated": {
            served();
            const full = jsonDocument(p, base);
            res.writeHead(200, {
              "content-type": "application/json",
              "content-length": Buffer.byteLength(full),
            });
            res.write(full.slice(0, Math.floor(full.length / 2)));
            setTimeout(() => res.destroy(), 5);
            return;
          }
        }
      }
      send(res, 200, "application/json", jsonDocument(p, base), {
        etag: etagOf(p),
        "x-pypi-last-serial": String(serials.get(p.name)),
      });
      return;
    }

    m = /^\/packages\/[0-9a-f]{2}\/[0-9a-f]{2}\/(.+)\.metadata$/.exec(path);
    if (m?.[1]) {
      count("metadata");
      const filename = decodeURIComponent(m[1]);
      const found = findWheel(filename);
      if (!found) return send(res, 404, "text/plain", "Not Found");
      if (faultOf.get(found.project.name) === "metadata500") {
        stats.faultsServed.metadata500 = (stats.faultsServed.metadata500 ?? 0) + 1;
        return send(res, 500, "text/plain", "Internal Server Error");
      }
      return send(res, 200, "application/octet-stream", metadataText(found.project, found.version));
    }
    if (path === "/_control/bump" && req.method === "POST") {
      const result = api.bumpSerials(
        Number(url.searchParams.get("fraction") ?? "0.01"),
        Number(url.searchParams.get("seed") ?? "1"),
      );
      return send(
        res,
        200,
        "application/json",
        JSON.stringify({ bumped: result.bumped.length, changed: result.changed.length }),
      );
    }
    count("other");
    send(res, 404, "text/plain", "Not Found");
  }

  function findWheel(filename: string): { project: ProjectModel; version: string } | undefined {
    // Wheel names are <name_with_underscores>-<version>-py3-none-any.whl.
    const w = /^(.+?)-([^-]+)-py3-none-any\.whl$/.exec(filename);
    if (!w?.[1] || !w[2]) return undefined;
    const p = model(w[1].replace(/_/g, "-"));
    const release = p?.releases.find((r) => r.version === w[2] && r.files.some((f) => f.hasMetadata));
    return p && release ? { project: p, version: release.version } : undefined;
  }

  /** A deterministic known vulnerability for about one project in 40, on its latest release only. */
  function vulnerabilitiesOf(p: ProjectModel, version: string | undefined): unknown[] {
    const latest = p.releases[p.releases.length - 1];
    if (version !== latest?.version || hash32(`${p.name}#vuln`) % 40 !== 0) return [];
    const n = hash32(p.name) % 90000;
    return [
      {
        id: `PYSEC-2026-${n}`,
        aliases: [`CVE-2026-${10000 + n}`],
        summary: `Cross-site scripting in ${p.name}`,
        details: "An attacker can inject script through an unescaped template value.",
        fixed_in: [`${version}.post1`],
        link: `https://osv.dev/vulnerability/PYSEC-2026-${n}`,
        source: "osv",
        withdrawn: null,
      },
    ];
  }

  /** `/pypi/<project>/<version>/json`: the info of one release (no `releases` key, as PyPI serves it). */
  function versionDocument(p: ProjectModel, version: string, base: string): string | null {
    const r = p.releases.find((x) => x.version === version);
    if (!r) return null;
    const files = r.files.map((f) => ({
      filename: f.filename,
      packagetype: f.packagetype,
      requires_python: f.requiresPython,
      upload_time_iso_8601: f.uploadTime.replace(/Z$/, ".000000Z"),
      url: fileUrl(base, f.filename),
      yanked: f.yanked,
      digests: { sha256: f.sha256 },
    }));
    return JSON.stringify({
      info: {
        name: p.displayName,
        version: r.version,
        summary: p.summary || null,
        classifiers: r.classifiers,
        requires_dist: r.requiresDist.length > 0 ? r.requiresDist : null,
        requires_python: r.requiresPython,
        project_urls: Object.keys(p.projectUrls).length ? p.projectUrls : null,
        yanked: r.yanked,
      },
      last_serial: serials.get(p.name),
      urls: files,
      vulnerabilities: vulnerabilitiesOf(p, r.version),
    });
  }

  function jsonDocument(p: ProjectModel, base: string): string {
    const latest = p.releases[p.releases.length - 1];
    const releases: Record<string, unknown[]> = {};
    for (const r of p.releases) {
      releases[r.version] = r.files.map((f) => ({
        filename: f.filename,
        packagetype: f.packagetype,
        python_version: f.packagetype === "sdist" ? "source" : "py3",
        requires_python: f.requiresPython,
        size: f.size,
        upload_time: f.uploadTime.replace(/Z$/, ""),
        upload_time_iso_8601: f.uploadTime.replace(/Z$/, ".000000Z"),
        url: fileUrl(base, f.filename),
        yanked: f.yanked,
        yanked_reason: f.yanked ? "Broken release" : null,
        digests: { sha256: f.sha256 },
      }));
    }
    return JSON.stringify({
      info: {
        name: p.displayName,
        version: latest?.version,
        summary: p.summary || null,
        classifiers: latest?.classifiers ?? [],
        requires_dist: latest && latest.requiresDist.length > 0 ? latest.requiresDist : null,
        requires_python: latest?.requiresPython ?? null,
        project_urls: Object.keys(p.projectUrls).length ? p.projectUrls : null,
        license: null,
        license_expression: "MIT",
        yanked: latest?.yanked ?? false,
        yanked_reason: null,
        package_url: `${base}/project/${p.name}/`,
      },
      last_serial: serials.get(p.name),
      releases,
      urls: releases[latest?.version ?? ""] ?? [],
      vulnerabilities: vulnerabilitiesOf(p, latest?.version),
      ownership: { roles: rolesOf(p), organization: p.organization },
    });
  }

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const address = server.address() as AddressInfo;
  const api: PypiServer = {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    names,
    stats,
    serialOf: (name) => serials.get(name),
    faultyProjects: (kind) => names.filter((n) => faultOf.get(n) === kind),
    bumpSerials(fraction, seed) {
      const bumped: string[] = [];
      const changed: string[] = [];
      for (const n of names) {
        if ((hash32(`bump:${seed}:${n}`) % 1_000_000) / 1_000_000 >= fraction) continue;
        maxSerial += 1;
        serials.set(n, maxSerial);
        bumped.push(n);
        if (bumped.length % 2 === 1) {
          generations.set(n, (generations.get(n) ?? 0) + 1);
          changed.push(n);
        }
      }
      listingCache = null;
      return { bumped, changed };
    },
    removeProjects(gone) {
      for (const n of gone) {
        byName.delete(n);
        serials.delete(n);
        models.delete(n);
        const i = names.indexOf(n);
        if (i >= 0) names.splice(i, 1);
      }
      listingCache = null;
    },
    addProject(row) {
      byName.set(row.name, row);
      names.push(row.name);
      maxSerial += 1;
      serials.set(row.name, maxSerial);
      listingCache = null;
    },
    addOwner(name, user, role = "Maintainer") {
      if (!byName.has(name)) throw new Error(`no project ${name} on this index`);
      addedRoles.set(name, [...(addedRoles.get(name) ?? []), { role, user }]);
      removedUsers.get(name)?.delete(user.toLowerCase());
      maxSerial += 1;
      serials.set(name, maxSerial);
      listingCache = null;
    },
    removeOwner(name, user) {
      if (!byName.has(name)) throw new Error(`no project ${name} on this index`);
      const gone = removedUsers.get(name) ?? new Set<string>();
      gone.add(user.toLowerCase());
      removedUsers.set(name, gone);
      maxSerial += 1;
      serials.set(name, maxSerial);
      listingCache = null;
    },
    setFaults(next) {
      faults = next;
      computeFaults();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return api;
}

/** The core metadata file (PEP 658) of one release, in the METADATA header format. */
export function metadataText(p: ProjectModel, version: string): string {
  const r = p.releases.find((x) => x.version === version);
  const lines = ["Metadata-Version: 2.1", `Name: ${p.displayName}`, `Version: ${version}`];
  if (p.summary) lines.push(`Summary: ${p.summary.replace(/\s+/g, " ")}`);
  for (const [k, v] of Object.entries(p.projectUrls)) lines.push(`Project-URL: ${k}, ${v}`);
  for (const c of r?.classifiers ?? []) lines.push(`Classifier: ${c}`);
  if (r?.requiresPython) lines.push(`Requires-Python: ${r.requiresPython}`);
  for (const d of r?.requiresDist ?? []) lines.push(`Requires-Dist: ${d}`);
  lines.push("Description-Content-Type: text/markdown", "", `# ${p.displayName}`, "");
  return lines.join("\n");
}

const shaCache = new Map<string, string>();

function metadataSha(p: ProjectModel, version: string): string {
  const key = `${p.name}|${p.generation}|${version}`;
  let sha = shaCache.get(key);
  if (!sha) {
    sha = createHash("sha256").update(metadataText(p, version)).digest("hex");
    shaCache.set(key, sha);
  }
  return sha;
}
