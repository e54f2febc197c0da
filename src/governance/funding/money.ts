/**
 * Money rules for funding requests, pure: amounts are whole numbers of the currency's minor unit
 * (cents for EUR, yen for JPY), currencies are ISO 4217 codes the runtime knows (Intl), and the
 * minor digits come from Intl's formatting rules for the currency. Imports nothing from platform/.
 */

let known: Set<string> | null = null;

/** The ISO 4217 codes the runtime supports (Intl.supportedValuesOf("currency")). */
export function knownCurrencies(): ReadonlySet<string> {
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return known;
}

/** True for an upper-case ISO 4217 code the runtime knows ("EUR", "USD", "JPY"). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/u.test(code) && knownCurrencies().has(code);
}

/** How many digits the currency's minor unit has (EUR 2, JPY 0, KWD 3), from Intl. */
export function minorDigits(currency: string): number {
  const options = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions();
  return options.maximumFractionDigits ?? 2;
}

/**
 * The largest amount accepted, in minor units: 10^12 (ten billion euros). Totals add amounts in
 * JavaScript numbers, exact up to 2^53 - 1: at this cap some 9,000 requests of one group in one
 * currency still total exactly (at 2^53 - 1 a request, two already rounded a total).
 */
export const MAX_MINOR = 1_000_000_000_000;

/**
 * Parses an amount typed in major units ("1250", "1250.5", "1,250.50") into minor units for the
 * currency; a problem in words when it is not a positive amount or has more decimals than the
 * currency's minor unit allows.
 */
export function parseAmount(text: string, currency: string): { minor: number } | { problem: string } {
  const trimmed = text.trim();
  // Commas only between groups of three digits: "1,5" (a decimal comma) is not 15.
  if (trimmed.includes(",") && !/^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/u.test(trimmed)) {
    return { problem: "must use a point for decimals and commas only between thousands, such as 1,250.50" };
  }
  const cleaned = trimmed.replace(/[,\s_]/gu, "");
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/u.exec(cleaned);
  if (!match) return { problem: "must be an amount such as 1250 or 1250.50" };
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    return {
      problem:
        digits === 0
          ? `${currency} has no minor unit: give a whole amount`
          : `${currency} has ${digits} decimal place${digits === 1 ? "" : "s"} at most`,
    };
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  if (minor <= 0n) return { problem: "must be more than zero" };
  if (minor > BigInt(MAX_MINOR)) return { problem: "is too large" };
  return { minor: Number(minor) };
}

/** An amount in minor units written in major units with the currency code: "EUR 1,250.50", "JPY 5,000". */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${currency} ${whole}${fraction}`;
}

/** An amount in minor units as a plain decimal in major units ("1250.50"), for CSV and JSON. */
export function majorUnits(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, "0")}` : "";
  return `${minor < 0 ? "-" : ""}${abs / scale}${fraction}`;
}

/** What a new spending entry does to an approved request. */
export type SpendingCheck =
  | { ok: true; remainingMinor: number }
  | { ok: false; problem: string; field: "amount" | "currency" | "request" };

/**
 * Whether spending `amountMinor` in `currency` may be recorded against a request: only an approved
 * one, in the request's own currency, and never beyond the approved amount (overspending is
 * refused: the Board approved that much; a group needing more asks again).
 */
export function checkSpending(input: {
  state: string;
  currency: string;
  approvedMinor: number | null;
  spentMinor: number;
  amountMinor: number;
  spendingCurrency: string;
}): SpendingCheck {
  if (input.state !== "approved" || input.approvedMinor === null) {
    return {
      ok: false,
      field: "request",
      problem: `the request is ${input.state}: spending is recorded against approved requests only`,
    };
  }
  if (input.spendingCurrency !== input.currency) {
    return { ok: false, field: "currency", problem: `must be ${input.currency}, the request's currency` };
  }
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    return { ok: false, field: "amount", problem: "must be more than zero" };
  }
  const remaining = input.approvedMinor - input.spentMinor;
  if (input.amountMinor > remaining) {
    return {
      ok: false,
      field: "amount",
      problem: `is more than what is left of the approved amount (${formatMoney(Math.max(remaining, 0), input.currency)} of ${formatMoney(input.approvedMinor, input.currency)})`,
    };
  }
  return { ok: true, remainingMinor: remaining - input.amountMinor };
}

/** One request as the totals see it. */
export interface TotalsInput {
  groupId: number;
  groupSlug: string;
  groupName: string;
  currency: string;
  state: string;
  amountMinor: number;
  approvedMinor: number | null;
  spentMinor: number;
}

/** A group's totals in one currency (minor units). Withdrawn requests count nowhere. */
export interface GroupTotals {
  groupId: number;
  groupSlug: string;
  groupName: string;
  currency: string;
  requests: number;
  requestedMinor: number;
  waitingMinor: number;
  approvedMinor: number;
  spentMinor: number;
}

/**
 * Per-group, per-currency totals: requested (everything asked, decided or not), waiting (asked,
 * not decided yet), approved and spent. Currencies are never added together. Sorted by group name
 * then currency.
 */
export function fundingTotals(rows: readonly TotalsInput[]): GroupTotals[] {
  const byKey = new Map<string, GroupTotals>();
  for (const r of rows) {
    if (r.state === "withdrawn") continue;
    const key = `${r.groupId}:${r.currency}`;
    let t = byKey.get(key);
    if (!t) {
      t = {
        groupId: r.groupId,
        groupSlug: r.groupSlug,
        groupName: r.groupName,
        currency: r.currency,
        requests: 0,
        requestedMinor: 0,
        waitingMinor: 0,
        approvedMinor: 0,
        spentMinor: 0,
      };
      byKey.set(key, t);
    }
    t.requests += 1;
    t.requestedMinor += r.amountMinor;
    if (r.state === "requested") t.waitingMinor += r.amountMinor;
    if (r.state === "approved") t.approvedMinor += r.approvedMinor ?? 0;
    t.spentMinor += r.spentMinor;
  }
  return [...byKey.values()].sort(
    (a, b) => a.groupName.localeCompare(b.groupName) || a.currency.localeCompare(b.currency),
  );
}
