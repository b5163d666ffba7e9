import { describe, expect, it } from "vitest";
import { decreeNumberTemplateSchema } from "../../../src/domain/organization/settings.js";
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
    expect(previewDecreeNumber("800/{nomor}/{counter}", input)).toEqual({ ok: false, problem: "unknown", placeholder: "{nomor}" });
    expect(previewDecreeNumber("800/{counter:10}", input)).toEqual({ ok: false, problem: "unknown", placeholder: "{counter:10}" });
    expect(previewDecreeNumber("800/{counter", input)).toEqual({ ok: false, problem: "unknown", placeholder: "{counter" });
  });
  it("asks for the counter: without it every decree of a year would get the same number", () => {
    expect(previewDecreeNumber("KEP/{year}", input)).toEqual({ ok: false, problem: "noCounter" });
  });
  it("refuses exactly the templates the server refuses", () => {
    for (const t of ["800/{counter:3}/{unitCode}/{year}", "{counter}", "800/{nomor}/{counter}", "KEP/{year}", "800/{counter", "{counter:0}", "a}{counter}"]) {
      expect(previewDecreeNumber(t, input).ok, t).toBe(decreeNumberTemplateSchema.safeParse(t).success);
    }
  });
});
