/**
 * What a huge anonymous POST costs the server: 300 MB sent to `/sign-in/email` (the CSRF check
 * would refuse it), declared with Content-Length and streamed chunked, with the default 1 MiB
 * limit and, as the baseline (no useful limit, as before), with a 400 MB one. Measures the time to
 * the answer, the bytes the client got to send, and the server process's peak RSS growth. The
 * server runs in a child process so its memory is measured alone.
 *
 *   node --import tsx bench/body-limit.ts [--mb 300]
 *
 * Prints the figures and saves them to bench/results/body-limit.json.
 */
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

if (process.argv.includes("--serve")) {
  // The child: the whole application on an in-memory database, reporting its RSS when asked.
  const { serve } = await import("@hono/node-server");
  const { openDatabase } = await import("../src/platform/db/index.ts");
  const { createTestApplication } = await import("../test/app.ts");
  const database = await openDatabase({ memory: true });
  const limit = process.argv[process.argv.indexOf("--limit") + 1] ?? "1048576";
  const { app } = await createTestApplication(database, {
    LOG_LEVEL: "silent",
    GUILDHALL_MAX_BODY_BYTES: limit,
  });
  let peak = process.memoryUsage().rss;
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20).unref();
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
    process.send?.({ port: info.port, rss: process.memoryUsage().rss });
  });
  process.on("message", (m: string) => {
    if (m === "rss") {
      peak = Math.max(peak, process.memoryUsage().rss);
      process.send?.({ peak });
    }
    if (m === "stop") server.close(() => process.exit(0));
  });
} else {
  const mbIndex = process.argv.indexOf("--mb");
  const mb = mbIndex === -1 ? 300 : Number(process.argv[mbIndex + 1]);
  const total = mb * 1024 * 1024;

  const start = async (limit: number) => {
    const child = fork(fileURLToPath(import.meta.url), ["--serve", "--limit", String(limit)], {
      execArgv: ["--import", "tsx"],
    });
    const ready = await new Promise<{ port: number; rss: number }>((resolve) =>
      child.once("message", (m) => resolve(m as { port: number; rss: number })),
    );
    const peak = () =>
      new Promise<number>((resolve) => {
        child.once("message", (m) => resolve((m as { peak: number }).peak));
        child.send("rss");
      });
    return { child, ...ready, peak };
  };

  const send = (port: number, declared: boolean) =>
    new Promise<{ status: number; ms: number; written: number }>((resolve, reject) => {
      const started = performance.now();
      let written = 0;
      let answered = false;
      const headers: Record<string, string | number> = {
        "content-type": "application/x-www-form-urlencoded",
      };
      if (declared) headers["content-length"] = total;
      const req = http.request(
        { host: "127.0.0.1", port, path: "/sign-in/email", method: "POST", headers },
        (res) => {
          answered = true;
          res.resume();
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, written }),
          );
        },
      );
      req.on("error", (e) => (answered ? undefined : reject(e)));
      const chunk = Buffer.alloc(64 * 1024, "a");
      const pump = () => {
        while (!answered && written < total) {
          written += chunk.length;
          if (!req.write(chunk)) {
            req.once("drain", pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });

  const results: Array<Record<string, number | string>> = [];
  for (const limit of [1_048_576, 400 * 1024 * 1024]) {
    for (const declared of [true, false]) {
      const server = await start(limit);
      const sent = await send(server.port, declared);
      const peak = await server.peak();
      server.child.send("stop");
      const row = {
        limit: limit === 1_048_576 ? "1 MiB (default)" : "400 MB (baseline: no useful limit)",
        body: declared ? `${mb} MB, Content-Length` : `${mb} MB, chunked`,
        status: sent.status,
        ms: Math.round(sent.ms),
        sentMB: Math.round((sent.written / 1024 / 1024) * 10) / 10,
        serverRssGrowthMB: Math.round((peak - server.rss) / 1024 / 1024),
      };
      results.push(row);
      console.log(
        `${row.limit}, ${row.body}: ${row.status} after ${row.ms} ms, ${row.sentMB} MB sent, server RSS +${row.serverRssGrowthMB} MB`,
      );
    }
  }
  mkdirSync(path.join(HERE, "results"), { recursive: true });
  writeFileSync(
    path.join(HERE, "results", "body-limit.json"),
    `${JSON.stringify({ at: new Date().toISOString(), loadAverage: os.loadavg(), mb, results }, null, 2)}\n`,
  );
}
