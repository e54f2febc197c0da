import { describe, expect, it } from "vitest";
import { SHARED_DATA, sharedData } from "./shared-data.ts";

describe("sharedData", () => {
  it("gives the path of real data that is there", () => {
    expect(sharedData("dsf-working-groups.bundle")).toBe(`${SHARED_DATA}/dsf-working-groups.bundle`);
  });
  it("fails, naming the path and how to get the data, when it is absent", () => {
    expect(() => sharedData("no-such-data")).toThrow(
      /no-such-data is missing\. It is part of the project's shared data; the tests read it from \.\.\/shared\/data .*GUILDHALL_SHARED_DATA/u,
    );
  });
});
