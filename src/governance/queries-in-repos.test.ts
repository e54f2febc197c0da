/**
 * Governance operations load and save through `*.repo.ts` files (ARCHITECTURE.md): an operation,
 * subject, source or listing that runs a drizzle query or a raw statement itself fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.dirname(new URL(import.meta.url).pathname);
const QUERY = /\.(select|selectDistinct|insert|update|delete|execute)\(/;
/** Calls that look like queries and are not: a Map's or Set's delete, a DELETE route. */
const NOT_A_QUERY = /\b(entries|groupsBySlug|set|router)\.delete\(/g;

function operationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return operationFiles(full);
    if (!/\.tsx?$/.test(name) || /\.repo\.ts$|test|fixtures/.test(name)) return [];
    return [full];
  });
}

/** Lines of `text` that run a query, as "line: text". */
function queryLines(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.replace(NOT_A_QUERY, ""), n: i + 1 }))
    .filter(({ line }) => QUERY.test(line))
    .map(({ line, n }) => `${n}: ${line.trim()}`);
}

describe("governance queries live in repositories", () => {
  it("finds a query where there is one, and not in a Map's delete or a DELETE route", () => {
    expect(queryLines("const [row] = await tx.select().from(votes);")).toHaveLength(1);
    expect(queryLines("await tx.execute(sql`select 1`);")).toHaveLength(1);
    expect(queryLines('entries.delete(key);\nset.delete(id);\nrouter.delete("/x", {')).toEqual([]);
  });

  it("no operation file outside the repositories runs a query", () => {
    const files = operationFiles(ROOT);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      queryLines(readFileSync(file, "utf8")).map((l) => `${path.relative(ROOT, file)}:${l}`),
    );
    expect(found).toEqual([]);
  });
});
