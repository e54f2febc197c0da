import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, encodeBody, pickEncoding } from "./encoded-body.ts";

describe("encoded bodies", () => {
  it("reads Accept-Encoding as browsers and proxies send it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).toBe(true);
    expect(acceptsGzip("GZIP")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("deflate, br")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it("keeps UTF-8 and gzip forms of the same text", () => {
    const text = "<p>Ülgen Sarıkavak · 2025</p>".repeat(50);
    const body = encodeBody(text);
    expect(new TextDecoder().decode(body.identity)).toBe(text);
    expect(gunzipSync(body.gzip).toString("utf8")).toBe(text);
    expect(body.gzip.byteLength).toBeLessThan(body.identity.byteLength / 5);
    expect(pickEncoding(body, "gzip").headers).toEqual({
      "content-encoding": "gzip",
      vary: "accept-encoding",
    });
    expect(pickEncoding(body, undefined)).toEqual({
      bytes: body.identity,
      headers: { vary: "accept-encoding" },
    });
  });
});
