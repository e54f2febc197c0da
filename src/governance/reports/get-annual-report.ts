/** A group's annual report for a year: load the year's records, build with what the viewer may see. */
import type { Db, Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { selectAnnualGroup, selectAnnualRecords } from "./annual.repo.ts";
import { type AnnualAccess, type AnnualReport, buildAnnualReport } from "./annual-report.ts";

/** Everything: the operator's command line and tests. */
export const FULL_ACCESS: AnnualAccess = { boardReports: true, privateNotes: true, voteDetails: true };
/** Public facts only. */
export const PUBLIC_ACCESS: AnnualAccess = { boardReports: false, privateNotes: false, voteDetails: false };

/** The first year an annual report may be asked for, and how far ahead of today. */
export const FIRST_YEAR = 2000;

/** Builds the annual report; a group that does not exist or a year in the future is not found. */
export async function getAnnualReport(input: {
  db: Db | Tx;
  slug: string;
  year: number;
  today: string;
  /** What the viewer may see, or a function deciding it for the loaded group (the policy). */
  access: AnnualAccess | ((group: { id: number }) => Promise<AnnualAccess>);
}): Promise<AnnualReport> {
  const group = await selectAnnualGroup(input.db, input.slug);
  if (!group) throw new AppError("not_found", { message: `No group "${input.slug}".` });
  const thisYear = Number(input.today.slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > thisYear) {
    throw new AppError("not_found", {
      message: `No annual report for ${input.year}: years ${FIRST_YEAR} to ${thisYear}.`,
    });
  }
  const access = typeof input.access === "function" ? await input.access(group) : input.access;
  const records = await selectAnnualRecords(input.db, group, input.year);
  return buildAnnualReport({ records, access, today: input.today });
}
