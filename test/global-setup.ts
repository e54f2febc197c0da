/**
 * Prepares one migrated database template for the whole run: a dumped PGlite data directory, or,
 * when DATABASE_URL is set, a template database on the PostgreSQL server. Test files copy it.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureBuilt } from "../scripts/build.js";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/db/client.ts";
import { adminUrl, TEMPLATE_PREFIX } from "./pg-admin.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // Tests run the sources; those that start `bin/guildhall.js` need its build, made once here
  // rather than by several test files at the same moment.
  await ensureBuilt();
  const config = loadConfig();
  if (config.databaseUrl) {
    // One template per run, so concurrent runs against the same server do not drop each other's.
    const template = `${TEMPLATE_PREFIX}_${process.pid}_${Date.now().toString(36)}`;
    const pg = await import("pg");
    const admin = new pg.default.Client({ connectionString: adminUrl(config.databaseUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const url = new URL(config.databaseUrl);
    url.pathname = `/${template}`;
    const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await db.close();
    project.provide("postgresTemplate", url.toString());
    project.provide("pgliteDump", "");
    return async () => {
      const a = new pg.default.Client({ connectionString: adminUrl(url.toString()) });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await a.end();
    };
  }
  const db = await openDatabase({ memory: true });
  const pglite = db.pglite;
  if (!pglite) throw new Error("expected an embedded database");
  const dump = await pglite.dumpDataDir("none");
  const dir = path.resolve(".tmp");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide("pgliteDump", file);
  project.provide("postgresTemplate", "");
  return async () => {
    rmSync(file, { force: true });
  };
}
