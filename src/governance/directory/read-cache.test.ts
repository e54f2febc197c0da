import { describe, expect, it } from "vitest";
import { createReadCache } from "./read-cache.ts";

describe("createReadCache", () => {
  it("computes once per version and again after the version changes", async () => {
    let version = "v1";
    let versionChecks = 0;
    const cache = createReadCache({
      version: async () => {
        versionChecks++;
        return version;
      },
    });
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get("a", compute)).toBe(1);
    expect(await cache.get("a", compute)).toBe(1);
    version = "v2";
    expect(await cache.get("a", compute)).toBe(2);
    expect(versionChecks).toBe(3);
  });

  it("shares version checks and computations between concurrent requests", async () => {
    let versionChecks = 0;
    const cache = createReadCache({
      version: async () => {
        versionChecks++;
        await new Promise((r) => setTimeout(r, 5));
        return "v";
      },
    });
    let computed = 0;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        cache.get("k", async () => {
          computed++;
          return "value";
        }),
      ),
    );
    expect(results.every((r) => r === "value")).toBe(true);
    expect(computed).toBe(1);
    expect(versionChecks).toBeLessThanOrEqual(2);
  });

  it("does not serve a value computed before a write that committed before the request", async () => {
    let version = "v1";
    let release: () => void = () => {};
    let calls = 0;
    const cache = createReadCache({
      version: () => {
        calls++;
        const v = version;
        if (calls === 1) return new Promise((r) => (release = () => r(v)));
        return Promise.resolve(v);
      },
    });
    const first = cache.get("k", async () => `computed at ${version}`);
    version = "v2"; // a write commits while the first check is still running
    const second = cache.get("k", async () => `computed at ${version}`);
    release();
    expect(await first).toBe("computed at v2");
    expect(await second).toBe("computed at v2");
    expect(calls).toBe(2);
  });

  it("forgets failures and keeps at most maxEntries", async () => {
    const cache = createReadCache({ version: async () => "v", maxEntries: 2 });
    await expect(cache.get("bad", async () => Promise.reject(new Error("nope")))).rejects.toThrow("nope");
    expect(cache.size()).toBe(0);
    await cache.get("a", async () => 1);
    await cache.get("b", async () => 2);
    await cache.get("c", async () => 3);
    expect(cache.size()).toBe(2);
    let recomputed = false;
    await cache.get("a", async () => {
      recomputed = true;
      return 1;
    });
    expect(recomputed).toBe(true);
  });
});

describe("createReadCache with a pushed version", () => {
  it("uses the pushed version without asking the database, and asks while none is pushed", async () => {
    let pushed: string | undefined;
    let asked = 0;
    const cache = createReadCache({
      version: async () => {
        asked++;
        return "queried";
      },
      pushedVersion: () => pushed,
    });
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get("k", compute)).toBe(1);
    expect(asked).toBe(1);
    pushed = "n0";
    expect(await cache.get("k", compute)).toBe(2);
    expect(await cache.get("k", compute)).toBe(2);
    pushed = "n1";
    expect(await cache.get("k", compute)).toBe(3);
    expect(asked).toBe(1);
  });
});
