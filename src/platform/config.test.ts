import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("where jobs run", () => {
  it("runs them in the server by default, and lets workers take them only on PostgreSQL", () => {
    expect(loadConfig({ NODE_ENV: "test" }).jobs.inServer).toBe(true);
    expect(
      loadConfig({
        NODE_ENV: "test",
        DATABASE_URL: "postgres://db/guildhall",
        GUILDHALL_SERVER_JOBS: "false",
      }).jobs.inServer,
    ).toBe(false);
    expect(() => loadConfig({ NODE_ENV: "test", GUILDHALL_SERVER_JOBS: "false" })).toThrow(
      /GUILDHALL_SERVER_JOBS: false needs DATABASE_URL/,
    );
    expect(() => loadConfig({ NODE_ENV: "test", GUILDHALL_SERVER_JOBS: "sometimes" })).toThrow(
      /GUILDHALL_SERVER_JOBS/,
    );
  });
});
