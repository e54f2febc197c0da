/** PEP 503 normalised project name: lower case, every run of `-`, `_` and `.` becomes one `-`. */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, "-");
}

/** True when `name` is a valid distribution name (PEP 508: letters, digits, `-_.`, alphanumeric ends). */
export function isValidProjectName(name: string): boolean {
  return /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i.test(name);
}
