import { describe, expect, it } from "vitest";
import { previewDecreeNumber } from "./decreeNumber.js";

const input = { counter: 7, year: 2027, month: 11, unitCode: "DKPS" };

describe("decree number preview", () => {
  it("fills every placeholder of the contract", () => {
    expect(previewDecreeNumber("800/{counter:3}/{unitCode}/{month}/{year}", input)).toEqual({ ok: true, number: "800/007/DKPS/XI/2027" });
  });
  it("leaves the counter unpadded without a width and never cuts a longer counter", () => {
    expect(previewDecreeNumber("{counter}", input)).toEqual({ ok: true, number: "7" });
    expect(previewDecreeNumber("{counter:2}", { ...input, counter: 1234 })).toEqual({ ok: true, number: "1234" });
  });
  it("names an unknown placeholder instead of printing it silently", () => {
    expect(previewDecreeNumber("800/{nomor}/{year}", input)).toEqual({ ok: false, unknown: "{nomor}" });
  });
  it("keeps text without placeholders as it is", () => {
    expect(previewDecreeNumber("KEP-01", input)).toEqual({ ok: true, number: "KEP-01" });
  });
});
