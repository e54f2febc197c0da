/** The inputs of funding operations, checked at the boundary (routes, the command line, code). */
import { z } from "zod";
import { schema } from "../../platform/db/index.ts";
import { Day, Instant, oneOf, optionalText, text } from "../../platform/validation.ts";
import { isCurrency, parseAmount } from "./money.ts";

const Amount = z
  .union([z.string(), z.number()], { message: "must be an amount such as 1250.50" })
  .transform((v) => String(v))
  .describe("In major units of the currency, as typed: 1250 or 1250.50.");
const Currency = z
  .string({ message: "must be a currency code such as EUR" })
  .transform((v) => v.trim().toUpperCase())
  .refine(isCurrency, { message: "must be an ISO 4217 currency code such as EUR, USD or JPY" })
  .describe("ISO 4217 code (EUR, USD, JPY).");

/** What a group asks for. */
export const RequestFundingInputSchema = z
  .object({
    purpose: oneOf(schema.FUNDING_PURPOSES).describe("experts, tools, events or other."),
    description: text({ multiline: true, max: 5000 }).describe("What the money is for, in words."),
    amount: Amount,
    currency: Currency,
    startsOn: Day.describe("First day of the period the money is for (YYYY-MM-DD)."),
    endsOn: Day.describe("Last day of the period (YYYY-MM-DD), on or after startsOn."),
  })
  .superRefine((v, ctx) => {
    if (isCurrency(v.currency)) {
      const parsed = parseAmount(v.amount, v.currency);
      if ("problem" in parsed) ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.problem });
    }
    if (v.endsOn < v.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "must be on or after the first day" });
    }
  });
export type RequestFundingInput = z.input<typeof RequestFundingInputSchema>;

/** The Board's vote on a request: when it closes, what it says, and the amount if not the one asked. */
export const FundingVoteInputSchema = z.object({
  closesAt: Instant.describe("When the vote closes (ISO 8601, in the future)."),
  description: optionalText({ multiline: true, max: 2000 }).describe("What the Board is asked, in words."),
  amount: z
    .preprocess((v) => (v === "" || v === null ? undefined : v), Amount.optional())
    .describe("The amount to approve, when not the amount asked (major units)."),
});

/** Spending recorded against an approved request. */
export const SpendingInputSchema = z.object({
  amount: Amount,
  currency: Currency,
  spentOn: Day.describe("The day the money was spent (YYYY-MM-DD)."),
  description: text({ max: 500 }).describe("What was bought or paid."),
  receiptUrl: text({ max: 2000 })
    .refine(
      (v) => {
        try {
          const url = new URL(v);
          return (url.protocol === "https:" || url.protocol === "http:") && /^https?:\/\//iu.test(v);
        } catch {
          return false;
        }
      },
      { message: "must be an http(s) link to the receipt" },
    )
    .describe("A link to the receipt (http or https)."),
});
