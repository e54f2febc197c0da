/** autocannon (HTTP load under N connections) for the benchmarks, typed: the package ships no types. */
import { createRequire } from "node:module";

/** The part of autocannon's programmatic API the benchmarks use. */
export type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  timeout?: number;
}) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}>;

/** The autocannon function. */
export const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
