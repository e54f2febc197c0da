/**
 * The request-body limit, over a real HTTP server: a body declared or streamed past the limit is
 * answered 413 before it is read (and before the CSRF check), for form and JSON bodies alike, and
 * the connection is closed so the rest is never read.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/index.ts";

const LIMIT = 64 * 1024;
let database: Database;
let server: ServerType;
let port = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const { app } = await createTestApplication(database, { GUILDHALL_MAX_BODY_BYTES: String(LIMIT) });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.close();
});

interface Sent {
  status: number;
  body: string;
  /** Bytes of the request body written before the answer came. */
  written: number;
  ms: number;
}

/**
 * POSTs a body of `total` bytes, written in 64 KiB chunks as fast as the socket takes them, with a
 * Content-Length (`declared`) or chunked; stops writing as soon as the answer arrives.
 */
function post(path: string, input: { type: string; total: number; declared: boolean }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let written = 0;
    let answered = false;
    const headers: Record<string, string | number> = { "content-type": input.type };
    if (input.declared) headers["content-length"] = input.total;
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          written,
          ms: performance.now() - started,
        }),
      );
    });
    // The server closes the connection after a 413: writes after that fail, as they should.
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, input.type.includes("json") ? "1" : "a");
    const pump = () => {
      while (!answered && written < input.total) {
        const n = Math.min(chunk.length, input.total - written);
        written += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("request-body limit", () => {
  it("reads the limit from GUILDHALL_MAX_BODY_BYTES (1 MiB by default) and refuses a bad value", () => {
    expect(loadConfig({ NODE_ENV: "test" }).maxBodyBytes).toBe(1_048_576);
    expect(loadConfig({ NODE_ENV: "test", GUILDHALL_MAX_BODY_BYTES: "2048" }).maxBodyBytes).toBe(2048);
    expect(() => loadConfig({ NODE_ENV: "test", GUILDHALL_MAX_BODY_BYTES: "lots" })).toThrow(
      /GUILDHALL_MAX_BODY_BYTES/,
    );
  });

  it("answers a declared 300 MB anonymous form POST 413 at once, before the CSRF check, without reading it", async () => {
    const sent = await post("/sign-in/email", {
      type: "application/x-www-form-urlencoded",
      total: 300 * 1024 * 1024,
      declared: true,
    });
    expect(sent.status).toBe(413);
    expect(sent.body).toContain("larger than this server accepts");
    expect(sent.body).not.toContain("CSRF");
    // Far less than the body was sent before the answer came (socket buffers only).
    expect(sent.written).toBeLessThan(32 * 1024 * 1024);
  });

  it("stops a chunked body (no Content-Length) as soon as it passes the limit, form or JSON", async () => {
    const form = await post("/sign-in/email", {
      type: "application/x-www-form-urlencoded",
      total: 300 * 1024 * 1024,
      declared: false,
    });
    expect(form.status).toBe(413);
    expect(form.written).toBeLessThan(32 * 1024 * 1024);
    const json = await post("/api/account/tokens", {
      type: "application/json",
      total: 300 * 1024 * 1024,
      declared: false,
    });
    expect(json.status).toBe(413);
    expect(JSON.parse(json.body)).toMatchObject({ error: { code: "too_large" } });
    expect(json.written).toBeLessThan(32 * 1024 * 1024);
  });

  it("lets a body within the limit through to the CSRF check and the route", async () => {
    const within = await post("/sign-in/email", {
      type: "application/x-www-form-urlencoded",
      total: LIMIT - 10,
      declared: true,
    });
    expect(within.status).toBe(403);
    expect(within.body).toContain("CSRF");
    const streamed = await post("/sign-in/email", {
      type: "application/x-www-form-urlencoded",
      total: LIMIT,
      declared: false,
    });
    expect(streamed.status).toBe(403);
  });
});
