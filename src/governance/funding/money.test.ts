/** The pure money rules: ISO 4217 codes, minor digits from Intl, parsing, formatting, the spending cap, totals. */
import { describe, expect, it } from "vitest";
import {
  checkSpending,
  formatMoney,
  fundingTotals,
  isCurrency,
  majorUnits,
  minorDigits,
  parseAmount,
} from "./money.ts";
import { decideFunding, type FundingSides, type FundingViewer } from "./rules.ts";

describe("currencies", () => {
  it("knows ISO 4217 codes through Intl and refuses others and lower case", () => {
    expect(isCurrency("EUR")).toBe(true);
    expect(isCurrency("JPY")).toBe(true);
    expect(isCurrency("eur")).toBe(false);
    expect(isCurrency("EURO")).toBe(false);
    expect(isCurrency("XYZ")).toBe(false);
  });
  it("takes the minor digits from Intl's rules for the currency", () => {
    expect(minorDigits("EUR")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
  });
});

describe("amounts", () => {
  it("parses major units into integer minor units, per currency", () => {
    expect(parseAmount("1250", "EUR")).toEqual({ minor: 125000 });
    expect(parseAmount("1,250.5", "EUR")).toEqual({ minor: 125050 });
    expect(parseAmount("0.01", "USD")).toEqual({ minor: 1 });
    expect(parseAmount("5000", "JPY")).toEqual({ minor: 5000 });
    expect(parseAmount("1.234", "KWD")).toEqual({ minor: 1234 });
  });
  it("refuses zero, negatives, words and too many decimals", () => {
    expect(parseAmount("0", "EUR")).toHaveProperty("problem", "must be more than zero");
    expect(parseAmount("-5", "EUR")).toHaveProperty("problem");
    expect(parseAmount("ten", "EUR")).toHaveProperty("problem");
    expect(parseAmount("1.005", "EUR")).toEqual({ problem: "EUR has 2 decimal places at most" });
    expect(parseAmount("10.5", "JPY")).toEqual({ problem: "JPY has no minor unit: give a whole amount" });
    expect(parseAmount("99999999999999999999", "EUR")).toEqual({ problem: "is too large" });
  });
  it("refuses a decimal comma and commas that do not separate thousands", () => {
    for (const typed of ["1,5", "1,50", "12,3456", "1,2,3", ",100", "1,000,00", "1.000,50"]) {
      expect(parseAmount(typed, "EUR"), typed).toHaveProperty("problem");
    }
    expect(parseAmount("1,000,000.50", "EUR")).toEqual({ minor: 100000050 });
    expect(parseAmount("100,000", "JPY")).toEqual({ minor: 100000 });
  });
  it("formats minor units back with the code and the currency's digits", () => {
    expect(formatMoney(125050, "EUR")).toBe("EUR 1,250.50");
    expect(formatMoney(5000, "JPY")).toBe("JPY 5,000");
    expect(formatMoney(1234, "KWD")).toBe("KWD 1.234");
    expect(majorUnits(125050, "EUR")).toBe("1250.50");
    expect(majorUnits(7, "USD")).toBe("0.07");
  });
});

describe("spending against an approved request", () => {
  const base = {
    state: "approved",
    currency: "EUR",
    approvedMinor: 10000,
    spentMinor: 6000,
    spendingCurrency: "EUR",
  };
  it("allows up to what is left of the approved amount", () => {
    expect(checkSpending({ ...base, amountMinor: 4000 })).toEqual({ ok: true, remainingMinor: 0 });
  });
  it("refuses overspending, another currency, and requests not approved", () => {
    expect(checkSpending({ ...base, amountMinor: 4001 })).toMatchObject({ ok: false, field: "amount" });
    expect(checkSpending({ ...base, amountMinor: 100, spendingCurrency: "USD" })).toMatchObject({
      ok: false,
      field: "currency",
    });
    expect(checkSpending({ ...base, state: "requested", approvedMinor: null, amountMinor: 1 })).toMatchObject(
      {
        ok: false,
        field: "request",
      },
    );
  });
});

describe("totals", () => {
  it("sums per group and currency, never across currencies, leaving withdrawn requests out", () => {
    const g = { groupId: 1, groupSlug: "ops", groupName: "Ops" };
    const totals = fundingTotals([
      { ...g, currency: "EUR", state: "approved", amountMinor: 1000, approvedMinor: 800, spentMinor: 300 },
      { ...g, currency: "EUR", state: "requested", amountMinor: 500, approvedMinor: null, spentMinor: 0 },
      { ...g, currency: "EUR", state: "withdrawn", amountMinor: 9999, approvedMinor: null, spentMinor: 0 },
      { ...g, currency: "USD", state: "rejected", amountMinor: 200, approvedMinor: null, spentMinor: 0 },
    ]);
    expect(totals).toEqual([
      {
        ...g,
        currency: "EUR",
        requests: 2,
        requestedMinor: 1500,
        waitingMinor: 500,
        approvedMinor: 800,
        spentMinor: 300,
      },
      {
        ...g,
        currency: "USD",
        requests: 1,
        requestedMinor: 200,
        waitingMinor: 0,
        approvedMinor: 0,
        spentMinor: 0,
      },
    ]);
  });
});

describe("who decides", () => {
  const sides: FundingSides = {
    requestId: 1,
    groupId: 1,
    requestedByPersonId: 7,
    requestedByUserId: 70,
    state: "requested",
  };
  const viewer = (over: Partial<FundingViewer>): FundingViewer => ({
    userId: 1,
    personId: 1,
    participant: false,
    board: false,
    admin: false,
    ...over,
  });
  it("lets a Board member outside the group decide, and nobody who asked or is in the group", () => {
    expect(decideFunding("funding.decide", sides, viewer({ board: true })).allowed).toBe(true);
    expect(decideFunding("funding.decide", sides, viewer({ board: true, participant: true })).allowed).toBe(
      false,
    );
    expect(decideFunding("funding.decide", sides, viewer({ board: true, personId: 7 })).allowed).toBe(false);
    expect(decideFunding("funding.decide", sides, viewer({ board: true, userId: 70 })).allowed).toBe(false);
    expect(decideFunding("funding.decide", sides, viewer({ admin: true })).allowed).toBe(false);
  });
  it("shows a request to its group, the Board and admins only", () => {
    expect(decideFunding("funding.view", sides, viewer({ participant: true })).allowed).toBe(true);
    expect(decideFunding("funding.view", sides, viewer({ board: true })).allowed).toBe(true);
    expect(decideFunding("funding.view", sides, viewer({ admin: true })).allowed).toBe(true);
    expect(decideFunding("funding.view", sides, viewer({})).allowed).toBe(false);
    expect(decideFunding("funding.view", sides, viewer({ userId: null, personId: null })).allowed).toBe(
      false,
    );
  });
});
