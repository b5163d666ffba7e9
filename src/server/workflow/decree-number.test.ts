import { describe, expect, it } from "vitest";
import { decreeSeries, DEFAULT_ORGANIZATION_SETTINGS } from "../../domain/organization/settings.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { decreeDay, stampDecree } from "./decree-number.js";

describe("decree number and date at approval", () => {
  it("dates by the calendar day in Jakarta, not UTC", () => {
    expect(decreeDay(Date.parse("2027-12-31T16:59:59Z"))).toEqual({ iso: "2027-12-31", year: 2027, month: 12 });
    expect(decreeDay(Date.parse("2027-12-31T17:00:00Z"))).toEqual({ iso: "2028-01-01", year: 2028, month: 1 });
    expect(decreeDay(Date.parse("2027-12-31T17:00:00Z"), "Asia/Jayapura")).toEqual({ iso: "2028-01-01", year: 2028, month: 1 });
    expect(decreeDay(Date.parse("2027-12-31T14:00:00Z"), "Asia/Jayapura")).toEqual({ iso: "2027-12-31", year: 2027, month: 12 });
  });

  it("numbers in the register series of the template's classification code, or one series without one", () => {
    expect(decreeSeries("800/{counter:3}/{unitCode}/{year}")).toBe("800");
    expect(decreeSeries(" 188.45/{counter}/35.73.112/{year}")).toBe("188.45");
    expect(decreeSeries("NOMOR {counter} TAHUN {year}")).toBe("");
    expect(decreeSeries("{counter}/SK/{year}")).toBe("");
  });

  it("fills only what the decree lacks", () => {
    const day = { iso: "2027-03-10", year: 2027, month: 3 };
    const settings = { ...DEFAULT_ORGANIZATION_SETTINGS, decreeNumberTemplate: "800/{counter:3}/{unitCode}/{month}/{year}", unitCode: "DISDUK" };
    const plan = minimalPlan();
    expect(stampDecree(plan, day, settings, 7).decree).toMatchObject({ number: "800/007/DISDUK/III/2027", date: "2027-03-10" });
    const dated = { ...plan, decree: { ...plan.decree, number: "800/1/X/2026", date: "2026-12-30" } };
    expect(stampDecree(dated, day, settings, null).decree).toMatchObject({ number: "800/1/X/2026", date: "2026-12-30" });
    // Without a unit code the empty segment collapses rather than printing "//".
    expect(stampDecree(plan, day, { ...settings, unitCode: undefined }, 2).decree.number).toBe("800/002/III/2027");
  });
});
