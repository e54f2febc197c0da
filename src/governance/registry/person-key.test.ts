import { describe, expect, it } from "vitest";
import { displayName, normaliseHandle, personKey, personSlugBase } from "./person-key.ts";

describe("personKey", () => {
  it("ignores case, spacing, diacritics and handles", () => {
    expect(personKey("  Eliana   ROSSELLI ")).toBe("eliana rosselli");
    expect(personKey("Çağıl Uluşahin")).toBe("cagil ulusahin");
    expect(personKey("Andrew Miller (nanorepublica)")).toBe("andrew miller");
    expect(personKey("Tom Carrick (forum: tom, discord: wynne)")).toBe("tom carrick");
    expect(personKey("Dan Ryan @dryan")).toBe("dan ryan");
    expect(personKey("Tomás Herrera")).toBe(personKey("tomas herrera"));
  });

  it("keeps different names apart", () => {
    expect(personKey("Eli Rosselli")).not.toBe(personKey("Eliana Rosselli"));
  });
});

describe("handles, slugs and display names", () => {
  it("strips @ and platform prefixes from handles", () => {
    expect(normaliseHandle("@Eli")).toBe("eli");
    expect(normaliseHandle("discord: dryan77")).toBe("dryan77");
    expect(normaliseHandle("  ")).toBeNull();
    expect(normaliseHandle(null)).toBeNull();
  });

  it("makes slugs from keys", () => {
    expect(personSlugBase(personKey("Abigail Afi Gbadago"))).toBe("abigail-afi-gbadago");
    expect(personSlugBase("")).toBe("person");
  });

  it("drops a handle from the display name", () => {
    expect(displayName("Ben Cardy (benbacardi)")).toBe("Ben Cardy");
    expect(displayName("Sheena")).toBe("Sheena");
  });
});
