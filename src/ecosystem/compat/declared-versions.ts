/**
 * The Django and Python versions a core metadata file declares, from its classifiers and from its
 * `Requires-Dist: Django…` and `Requires-Python` specifiers. Pure: imports nothing from platform/.
 */
import type { CoreMetadata } from "./core-metadata.ts";
import { pythonVersionsAllowed, readDeclaredSupport, specifierAllows } from "./verdict.ts";

/** Django feature series before the calendar's first (4.2), to read older packages. */
export const EARLIER_DJANGO_SERIES: readonly string[] = [
  "1.0",
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.9",
  "1.10",
  "1.11",
  "2.0",
  "2.1",
  "2.2",
  "3.0",
  "3.1",
  "3.2",
  "4.0",
  "4.1",
];

/** CPython versions checked against Requires-Python. */
export const PYTHON_VERSIONS: readonly string[] = [
  "2.7",
  "3.5",
  "3.6",
  "3.7",
  "3.8",
  "3.9",
  "3.10",
  "3.11",
  "3.12",
  "3.13",
  "3.14",
  "3.15",
  "3.16",
];

/** What an inspected file declares, ready to print. */
export interface DeclaredVersions {
  name: string | null;
  version: string | null;
  metadataVersion: string | null;
  requiresPython: string | null;
  classifiers: string[];
  requiresDist: string[];
  /** Metadata 1.1 `Requires:` lines (the older dependency field; not used for verdicts). */
  requires: string[];
  django: {
    /** From `Framework :: Django :: X.Y` / `:: X` classifiers. */
    fromClassifiers: string[];
    /** The Django requirements that apply without an extra, in canonical form. */
    requirements: string[];
    /** Series whose versions the Django requirement allows (null: no Django requirement). */
    allowedByRequiresDist: string[] | null;
    invalidRequirements: string[];
  };
  python: {
    fromClassifiers: string[];
    /** Versions Requires-Python allows (null: no Requires-Python). */
    allowedByRequiresPython: string[] | null;
  };
}

/** Reads the declared Django and Python versions of a parsed metadata file. */
export function readDeclaredVersions(input: {
  metadata: CoreMetadata;
  djangoSeries: readonly string[];
  pythonVersions?: readonly string[];
}): DeclaredVersions {
  const m = input.metadata;
  const declared = readDeclaredSupport(m);
  const reqs = declared.djangoRequirements;
  const allowed =
    reqs.length === 0
      ? null
      : input.djangoSeries.filter((s) =>
          reqs.some((r) => r.url !== null || specifierAllows(r.specifier, [s, `${s}.999`])),
        );
  const py = input.pythonVersions ?? PYTHON_VERSIONS;
  return {
    name: m.name,
    version: m.version,
    metadataVersion: m.metadataVersion,
    requiresPython: m.requiresPython,
    classifiers: m.classifiers,
    requiresDist: m.requiresDist,
    requires: m.requires,
    django: {
      fromClassifiers: declared.djangoClassifiers,
      requirements: reqs.map(
        (r) => `${r.name}${r.specifier ? ` ${r.specifier}` : ""}${r.marker ? `; ${r.marker}` : ""}`,
      ),
      allowedByRequiresDist: allowed,
      invalidRequirements: declared.invalidRequirements,
    },
    python: {
      fromClassifiers: declared.pythonClassifiers,
      allowedByRequiresPython: m.requiresPython ? pythonVersionsAllowed(m.requiresPython, py) : null,
    },
  };
}
