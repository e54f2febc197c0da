/**
 * Runs the local PyPI-compatible index on its own:
 *   node --import tsx test/pypi-server/main.ts --port 8765 [--limit N] [--tsv FILE]
 *     [--rate429 0.01 --retry-after 1 --transient500 0.01 --status500 0.001 --hang 0.001
 *      --truncated 0.001 --malformed 0.001 --missing 0.001 --metadata500 0.001 --fault-seed 0]
 * POST /_control/bump?fraction=0.01&seed=1 bumps serials of 1% of projects.
 */
import { parseArgs } from "node:util";
import { type FaultOptions, startPypiServer } from "./server.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8765" },
    host: { type: "string", default: "127.0.0.1" },
    tsv: { type: "string" },
    limit: { type: "string" },
    rate429: { type: "string" },
    "retry-after": { type: "string" },
    transient500: { type: "string" },
    status500: { type: "string" },
    hang: { type: "string" },
    truncated: { type: "string" },
    malformed: { type: "string" },
    missing: { type: "string" },
    metadata500: { type: "string" },
    "fault-seed": { type: "string" },
  },
});

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const faults: FaultOptions = {
  rate429: num(values.rate429),
  retryAfterSeconds: num(values["retry-after"]),
  transient500: num(values.transient500),
  status500: num(values.status500),
  hang: num(values.hang),
  truncated: num(values.truncated),
  malformed: num(values.malformed),
  missing: num(values.missing),
  metadata500: num(values.metadata500),
  seed: num(values["fault-seed"]),
};

const server = await startPypiServer({
  port: Number(values.port),
  host: values.host,
  tsv: values.tsv,
  limit: num(values.limit),
  faults,
});
process.stdout.write(`pypi-server listening on ${server.url} (${server.names.length} projects)\n`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
