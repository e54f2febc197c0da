/** The output formats of `guildhall checkup`: a constant table the command line declares cheaply. */
export const CHECKUP_FORMATS = ["text", "json", "markdown", "sarif"] as const;
/** One output format. */
export type CheckupFormat = (typeof CHECKUP_FORMATS)[number];
