/** Reads a core metadata file (METADATA or PKG-INFO) and reports what it declares. */
import { readFile } from "node:fs/promises";
import { AppError } from "../../platform/errors.ts";
import { calendarSeriesNames } from "../releases/calendar.ts";
import { parseCoreMetadata } from "./core-metadata.ts";
import { type DeclaredVersions, EARLIER_DJANGO_SERIES, readDeclaredVersions } from "./declared-versions.ts";

/** Parses the file and lists name, version, requirements and declared Django and Python versions. */
export async function inspectMetadataFile(input: {
  path: string;
}): Promise<DeclaredVersions & { file: string }> {
  let text: string;
  try {
    text = await readFile(input.path, "utf8");
  } catch (e) {
    throw new AppError("bad_request", { message: `Cannot read metadata file ${input.path}`, cause: e });
  }
  const metadata = parseCoreMetadata(text);
  if (metadata.headers.length === 0 || metadata.name === null) {
    throw new AppError("validation", {
      message: `Invalid metadata file ${input.path}: no Name header (is it a METADATA or PKG-INFO file?)`,
      issues: [{ field: `${input.path}:Name`, message: "missing" }],
    });
  }
  const djangoSeries = [...EARLIER_DJANGO_SERIES, ...calendarSeriesNames()];
  return { file: input.path, ...readDeclaredVersions({ metadata, djangoSeries }) };
}
