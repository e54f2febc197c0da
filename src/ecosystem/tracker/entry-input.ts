/** The input of a tracker status set by hand: the form, the JSON route and the command line. */
import { z } from "zod";
import { oneOf, optionalText, text } from "../../platform/validation.ts";
import { SETTABLE_STATUSES } from "./tracker-status.ts";

/** The form (and JSON) of a status set by hand. */
export const SetEntrySchema = z.object({
  status: oneOf(SETTABLE_STATUSES),
  link: optionalText({ max: 500 }).refine((v) => v === null || /^https?:\/\/\S+$/.test(v), {
    message: "must be an http(s) address",
  }),
  reason: optionalText({ max: 500 }),
});

/** The form (and JSON) of a series' discussion channel. */
export const ChannelSchema = z.object({
  url: text({ max: 500 }).refine((v) => /^https?:\/\/\S+$/.test(v), {
    message: "must be an http(s) address",
  }),
});
