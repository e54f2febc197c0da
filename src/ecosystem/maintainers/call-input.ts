/** The input of a new call for maintainers: the form, the JSON route and the command line. */
import { z } from "zod";
import { Flag, text, wholeNumber } from "../../platform/validation.ts";

/** The body of a new call. */
export const MakeCallSchema = z.object({
  help: text({ max: 2000, multiline: true }),
  skills: text({ max: 200 }),
  hoursPerWeek: wholeNumber({ min: 1, max: 80, message: "must be a whole number of hours from 1 to 80" }),
  suitsMentee: Flag.describe("The work suits a mentee: the call links mentoring programmes."),
});
