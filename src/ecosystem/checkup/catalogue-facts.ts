/** Checkup facts from a synced catalogue row (what PyPI's JSON API and core metadata said). Pure. */
import { djangoSpecifierOf } from "./parse-pyproject.ts";
import { type CheckupFacts, emptyFacts } from "./types.ts";

/** The evidence file named for catalogue facts. */
export const CATALOGUE_EVIDENCE = "PyPI JSON API";

/** Builds metadata-kind facts from the catalogue's fields of the latest release. */
export function factsFromCatalogue(row: {
  name: string;
  classifiers: readonly string[];
  requiresDist: readonly string[];
  requiresPython: string | null;
  projectUrls: Record<string, string>;
  licenseExpression: string | null;
}): CheckupFacts {
  const at = { file: CATALOGUE_EVIDENCE, line: null };
  const facts = emptyFacts("metadata");
  facts.packagingFiles = [CATALOGUE_EVIDENCE];
  facts.name = { value: row.name, at };
  facts.classifiers = row.classifiers.map((c) => ({ value: c, at }));
  if (row.requiresPython) facts.requiresPython = { value: row.requiresPython, at };
  for (const d of row.requiresDist) {
    const spec = djangoSpecifierOf(d);
    if (spec !== null) {
      facts.djangoRequirement = { value: spec, at };
      break;
    }
  }
  if (row.licenseExpression) facts.license = { value: row.licenseExpression, at };
  facts.projectUrls = Object.entries(row.projectUrls).map(([label, url]) => ({ value: { label, url }, at }));
  return facts;
}
