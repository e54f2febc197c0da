import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, STATUS_BY_CODE, validationError } from "./errors.ts";

describe("AppError", () => {
  it("maps every code to one status", () => {
    expect(new AppError("not_found", { message: "x" }).status).toBe(404);
    expect(new Set(Object.values(STATUS_BY_CODE)).size).toBe(Object.keys(STATUS_BY_CODE).length);
  });

  it("names the field in validation errors", () => {
    const r = z.object({ port: z.number() }).safeParse({ port: "x" });
    if (r.success) throw new Error("expected failure");
    const e = validationError("flags", r.error.issues);
    expect(e.code).toBe("validation");
    expect(e.message).toMatch(/^Invalid flags: port: /);
    expect(e.issues[0]?.field).toBe("port");
  });
});
