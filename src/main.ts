/** Composition root: config -> services (database, log, clock, http) -> rooms -> HTTP server + jobs. */
import { serve } from "@hono/node-server";
import { createApplication } from "./app.ts";
import { seedEcosystemDemo } from "./ecosystem/index.ts";
import { seedDemo } from "./governance/index.ts";
import { startAppJobs } from "./jobs.ts";
import { errorLine } from "./platform/cli.ts";
import { loadConfig } from "./platform/config.ts";
import { createServices } from "./platform/services.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const services = await createServices(config, {}, `the Guildhall server on ${config.baseUrl}`);
  // Node's own report of an uncaught error prints every property, a failed statement's bound
  // values included; the logger's serialiser does not.
  process.on("uncaughtException", (err) => {
    services.log.fatal({ err }, "uncaught error; stopping");
    process.exit(1);
  });
  if (process.argv.includes("--demo")) await seedEcosystemDemo(services);
  if (process.argv.includes("--demo")) await seedDemo({ services });
  const app = createApplication(services);
  // Every room's jobs and schedules, unless `guildhall worker` processes run them (PostgreSQL only).
  const jobs = config.jobs.inServer ? await startAppJobs(services) : undefined;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    services.log.info(
      {
        url: config.baseUrl,
        database: services.database.driver,
        dataDir: config.databaseUrl ? undefined : config.dataDir,
      },
      `Guildhall listening on http://${info.address}:${info.port}`,
    );
  });
  const shutdown = () => {
    server.close();
    void (jobs?.stop() ?? Promise.resolve())
      .catch((err: unknown) => services.log.error({ err }, "stopping jobs failed"))
      .then(() => services.database.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`${errorLine(e)}\n`);
  process.exit(1);
});
