import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGuildhall } from "../../../test/guildhall-cli.ts";
import { createAuthenticator } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { openDatabase } from "../../platform/db/index.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-cli-"));

/** Runs `guildhall ...args` on the temporary data directory (never a server database). */
const guildhall = (...args: string[]) => runGuildhall(args, { dataDir });

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("guildhall users / tokens", () => {
  it("explain themselves with --help", async () => {
    const users = await guildhall("users", "--help");
    expect(users.code).toBe(0);
    expect(users.stdout).toContain("create");
    expect(users.stdout).toContain("grant");
    const create = await guildhall("tokens", "create", "--help");
    expect(create.code).toBe(0);
    expect(create.stdout).toContain("--scopes <list>");
    expect(create.stdout).toContain("--expires-in-days <n>");
    const grant = await guildhall("users", "grant", "--help");
    expect(grant.stdout).toContain("--term-ends <date>");
    expect(grant.stdout).toContain("board-member");
    const roles = await guildhall("roles", "record", "--help");
    expect(roles.code).toBe(0);
    expect(roles.stdout).toContain("--decision <ref>");
    expect(roles.stdout).toContain("steering-council-liaison");
  }, 120_000);

  it("create the first admin, grant a dated Board role, and issue a token that works until revoked", async () => {
    const created = await guildhall(
      "users",
      "create",
      "--email",
      "Ada@Example.org",
      "--name",
      "Ada Admin",
      "--admin",
      "--json",
    );
    expect(created.code).toBe(0);
    const user = JSON.parse(created.stdout.trim()) as { id: number; email: string; admin: boolean };
    expect(user).toMatchObject({ email: "ada@example.org", admin: true });

    const again = await guildhall("users", "create", "--email", "ada@example.org", "--name", "Twice");
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe("guildhall: A user with email ada@example.org already exists.");

    const grant = await guildhall(
      "users",
      "grant",
      "ada@example.org",
      "board-member",
      "--from",
      "2026-01-01",
      "--term-ends",
      "2027-12-31",
      "--decision",
      "2025 Board election",
      "--json",
    );
    expect(grant.code).toBe(0);
    expect(JSON.parse(grant.stdout.trim())).toMatchObject({
      role: "board-member",
      startedOn: "2026-01-01",
      termEndsOn: "2027-12-31",
      decisionRef: "2025 Board election",
    });

    const bad = await guildhall("users", "grant", "ada@example.org", "king", "--from", "2026-13-01");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("role: must be one of");

    const token = await guildhall(
      "tokens",
      "create",
      "--email",
      "ada@example.org",
      "--name",
      "release bot",
      "--scopes",
      "read,groups",
      "--expires-in-days",
      "30",
    );
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^guildhall_pat_[A-Za-z0-9_-]{43}$/);
    expect(token.stderr).toContain("scopes read,groups");

    const noScope = await guildhall(
      "tokens",
      "create",
      "--email",
      "ada@example.org",
      "--name",
      "x",
      "--scopes",
      "root",
    );
    expect(noScope.code).toBe(1);
    expect(noScope.stderr).toContain("scopes.0");

    const list = await guildhall("tokens", "list", "--email", "ada@example.org", "--json");
    expect(list.stdout).not.toContain(secret);
    const [row] = list.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: number; name: string });
    expect(row?.name).toBe("release bot");

    // The token authenticates against the same data directory.
    const check = async () => {
      const database = await openDatabase({ dataDir });
      try {
        return await createAuthenticator({ db: database.db, clock: new FixedClock(new Date()) }).fromToken(
          secret,
        );
      } finally {
        await database.close();
      }
    };
    expect(await check()).toMatchObject({ name: "Ada Admin", method: "token", scopes: ["read", "groups"] });

    const revoke = await guildhall("tokens", "revoke", String(row?.id), "--email", "ada@example.org");
    expect(revoke.code).toBe(0);
    expect(await check()).toBeNull();
  }, 300_000);

  it("users list shows every account with the roles it holds today, as a table or JSON lines", async () => {
    const other = await guildhall("users", "create", "--email", "bo@example.org", "--name", "Bo");
    expect(other).toMatchObject({ code: 0 });
    expect(other.stdout).toMatch(/^Created user \d+ bo@example\.org \(Bo\)\.\n$/);

    const json = await guildhall("users", "list", "--json");
    expect(json.code).toBe(0);
    const rows = json.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { email: string; roles: string[] });
    expect(rows.map((r) => [r.email, r.roles])).toEqual([
      ["ada@example.org", ["board-member", "site-admin"]],
      ["bo@example.org", []],
    ]);

    const admins = await guildhall("users", "list", "--role", "site-admin", "--json");
    expect(admins.stdout.trimEnd().split("\n")).toHaveLength(1);
    const table = await guildhall("users", "list");
    expect(table.stdout).toMatch(/^id\s+email\s+name\s+roles today\s+person$/m);
    expect(table.stdout).toMatch(/ada@example\.org\s+Ada Admin\s+board-member, site-admin\s+-/);
    const none = await guildhall("users", "list", "--role", "fellow");
    expect(none.stdout).toBe("No account holds fellow today.\n");
    const bad = await guildhall("users", "list", "--role", "king");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `guildhall: Invalid --role "king": expected one of dsf-member, board-member, steering-council-member, fellow, president, site-admin\n`,
    );
  }, 120_000);
});
