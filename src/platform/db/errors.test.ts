import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { errorLine } from "../cli.ts";
import { AppError } from "../errors.ts";
import { databaseAppError, redactError, toAppError } from "./errors.ts";

/** A PostgreSQL error as the drivers raise it (pg's DatabaseError, PGlite's), values included. */
function driverError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, severity: "ERROR", ...extra });
}

const BALLOT_SQL = "update votes set yes = yes + $4, no = no + $5 where id = $1 and person = $2";
const BALLOT_PARAMS = [31, 4077, "2026-03-01", 1, 0, 0];

function failedBallot(cause: Error): DrizzleQueryError {
  return new DrizzleQueryError(BALLOT_SQL, BALLOT_PARAMS, cause);
}

describe("database failures", () => {
  it("a unique or exclusion violation is a conflict naming what the constraint protects", () => {
    const unique = databaseAppError(
      failedBallot(driverError("23505", "duplicate key", { constraint: "votes_one_open_per_question" })),
    );
    expect(unique?.code).toBe("conflict");
    expect(unique?.message).toBe("A vote on the same question is already open in this group.");
    const overlap = toAppError(
      driverError("23P01", "conflicting key value", { constraint: "role_periods_no_overlap" }),
    );
    expect(overlap.status).toBe(409);
    expect(overlap.message).toContain("may not overlap");
    expect(toAppError(driverError("23505", "dup", { constraint: "something_else" })).code).toBe("conflict");
  });

  it("a lost connection, a shutdown or a timeout is unavailable (503, retry), nothing else", () => {
    for (const e of [
      driverError("57P01", "terminating connection due to administrator command"),
      driverError("08006", "connection failure"),
      driverError("55P03", "canceling statement due to lock timeout"),
      driverError("57014", "canceling statement due to statement timeout"),
      new Error("Connection terminated unexpectedly"),
      failedBallot(new Error("Client has encountered a connection error and is not queryable")),
      failedBallot(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ]) {
      const mapped = toAppError(e);
      expect(mapped.code, String(e)).toBe("unavailable");
      expect(mapped.status).toBe(503);
      expect(mapped.retryAfterSeconds).toBe(2);
    }
    expect(toAppError(driverError("P0001", "raised")).code).toBe("internal");
    // A socket error outside any statement (a mail server, say) is not the database.
    expect(
      toAppError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNREFUSED" }))
        .code,
    ).toBe("internal");
    expect(toAppError(new TypeError("x is undefined")).code).toBe("internal");
    const own = new AppError("not_found", { message: "No vote #3." });
    expect(toAppError(own)).toBe(own);
  });

  it("are logged with the statement text, never its values or the key detail", () => {
    const e = new AppError("internal", {
      message: "Something went wrong on our side.",
      cause: failedBallot(
        driverError("23505", 'duplicate key value violates unique constraint "vote_participation_once"', {
          detail: "Key (vote_id, person_id)=(31, 4077) already exists.",
          constraint: "vote_participation_once",
          params: BALLOT_PARAMS,
          query: BALLOT_SQL,
        }),
      ),
    });
    const logged = JSON.stringify(redactError(e));
    expect(logged).toContain(BALLOT_SQL);
    expect(logged).toContain("vote_participation_once");
    expect(logged).toContain("23505");
    expect(logged).not.toContain("4077");
    expect(logged).not.toMatch(/1,0,0|\[31,/);
    expect(logged).not.toContain("detail");
    // Data exceptions echo the value given: not logged either.
    const echoed = JSON.stringify(
      redactError(driverError("22P02", 'invalid input syntax for type integer: "secret-value"')),
    );
    expect(echoed).not.toContain("secret-value");
  });

  it("the command line's one-line error carries no statement values", () => {
    const line = errorLine(failedBallot(driverError("P0001", "ballot store refused")));
    expect(line).toBe("guildhall: database error P0001: ballot store refused");
    expect(errorLine(failedBallot(driverError("57P01", "terminating connection")))).toContain(
      "database is unavailable",
    );
    expect(errorLine(new Error(`Failed query: x\nparams: ${BALLOT_PARAMS.join(",")}`))).not.toContain("4077");
    expect(errorLine(new DrizzleQueryError(BALLOT_SQL, BALLOT_PARAMS))).not.toContain("4077");
  });
});
