/** Pure pieces of the package pages: release chart, support matrix series, ages, list links. */
import { describe, expect, it } from "vitest";
import { buildReleaseCalendar } from "../releases/calendar.ts";
import { describeAge } from "./get-package.ts";
import { PackageQuerySchema } from "./list-packages.ts";
import { listHref } from "./packages.views.tsx";
import { releasesPerYear, renderReleaseChart } from "./release-chart.ts";
import { djangoFilterChoices, matrixSeries, supportMatrix } from "./support-matrix.ts";

const calendar = buildReleaseCalendar({ today: "2026-11-21" });

describe("release chart", () => {
  it("counts releases per year with empty years filled in", () => {
    const d = (s: string) => new Date(s);
    expect(releasesPerYear([d("2021-03-01"), null, d("2023-01-01"), d("2023-12-31")])).toEqual([
      { year: 2021, count: 1 },
      { year: 2022, count: 0 },
      { year: 2023, count: 2 },
    ]);
    expect(releasesPerYear([null])).toEqual([]);
  });

  it("renders an SVG with a title and a description that states the counts", async () => {
    const svg = await renderReleaseChart({
      name: "django-x",
      dates: [new Date("2024-05-01"), new Date("2025-01-01")],
    });
    expect(svg).toMatch(/^<svg[^>]*role="img"/);
    expect(svg).toContain('<title id="release-chart-title">Releases of django-x per year</title>');
    expect(svg).toContain("2 releases from 2024 to 2025; most in 2024 (1). 2024: 1, 2025: 1.");
    expect(await renderReleaseChart({ name: "x", dates: [] })).toBeNull();
  });
});

describe("support matrix", () => {
  it("shows the supported series and the next one on a given day", () => {
    expect(matrixSeries("2026-11-21", calendar).map((s) => s.series)).toEqual(["5.2", "6.0", "6.1", "6.2"]);
    expect(djangoFilterChoices("2026-11-21", calendar)).toEqual([
      "3.2",
      "4.0",
      "4.1",
      "4.2",
      "5.0",
      "5.1",
      "5.2",
      "6.0",
      "6.1",
      "6.2",
    ]);
  });

  it("judges each series from classifiers and requirement bounds", () => {
    const m = supportMatrix({
      today: "2026-11-21",
      calendar,
      facts: {
        name: "x",
        version: "1.0",
        metadataKnown: true,
        classifiers: ["Framework :: Django :: 5.2", "Framework :: Django :: 6.0"],
        requiresDist: ["Django>=5.2,<6.1"],
        requiresPython: ">=3.10",
      },
    });
    expect(m.map((r) => [r.series.series, r.verdict.verdict])).toEqual([
      ["5.2", "yes"],
      ["6.0", "yes"],
      ["6.1", "no"],
      ["6.2", "no"],
    ]);
  });
});

describe("page helpers", () => {
  it("describes release ages in words", () => {
    expect(describeAge(0)).toBe("today");
    expect(describeAge(1)).toBe("1 day");
    expect(describeAge(45)).toBe("1 month");
    expect(describeAge(400)).toBe("1 year, 1 month");
    expect(describeAge(731)).toBe("2 years");
  });

  it("keeps filters in page and export links and drops defaults", () => {
    const q = PackageQuerySchema.parse({ q: "rest", django: "5.2", page: "3" });
    expect(listHref("/packages", q, { page: 4 })).toBe("/packages?q=rest&django=5.2&page=4");
    expect(listHref("/packages.csv", q, { page: undefined })).toBe("/packages.csv?q=rest&django=5.2");
  });
});
