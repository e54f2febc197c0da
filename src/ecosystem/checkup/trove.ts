/**
 * The official trove classifier list. The shipped file is generated from Debian's
 * python3-trove-classifiers (2023.4.18); classifiers the trove-classifiers project added after
 * that release for Django and Python versions that exist today are listed below with their
 * source, so the list can be checked against Debian's at any time (see trove.test.ts). Pure.
 */
import shipped from "./trove-classifiers.json" with { type: "json" };

/**
 * Added to trove-classifiers after 2023.4.18 (its changelog: Django 5.0 in 2023.8, 5.1 in 2024.5,
 * 5.2 in 2025.1, 6 and 6.0 in 2025.5, 6.1 in 2026.1; Python 3.13 in 2023.5, 3.14 in 2024.5, 3.15 in 2025.5).
 */
export const ADDED_SINCE_DEBIAN: readonly string[] = [
  "Framework :: Django :: 5",
  "Framework :: Django :: 5.0",
  "Framework :: Django :: 5.1",
  "Framework :: Django :: 5.2",
  "Framework :: Django :: 6",
  "Framework :: Django :: 6.0",
  "Framework :: Django :: 6.1",
  "Programming Language :: Python :: 3.13",
  "Programming Language :: Python :: 3.14",
  "Programming Language :: Python :: 3.15",
];

/** Where the list comes from. */
export const TROVE_SOURCE = `${shipped.source}, plus ${ADDED_SINCE_DEBIAN.length} classifiers added since`;

const VALID = new Set<string>([...shipped.classifiers, ...ADDED_SINCE_DEBIAN]);
const DEPRECATED: Record<string, string[]> = shipped.deprecated;

/** Every classifier on the list, sorted. */
export function allClassifiers(): string[] {
  return [...VALID].sort();
}

/** Whether a classifier is on the official list, deprecated (with replacements) or unknown. */
export function classifierStatus(
  classifier: string,
): { status: "valid" } | { status: "deprecated"; replacements: string[] } | { status: "unknown" } {
  if (VALID.has(classifier)) return { status: "valid" };
  const replacements = DEPRECATED[classifier];
  if (replacements) return { status: "deprecated", replacements };
  return { status: "unknown" };
}
