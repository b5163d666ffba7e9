// The Kurva S draws the computation's own curve (nothing recomputed) and reaches the reporting date.
import { describe, expect, it } from "vitest";
import { computeProgress } from "../../domain/realization/index.js";
import { realizationPlan } from "../../test-support/realization.js";
import { kurvaSOf } from "../laporan-kemajuan/model.js";
import { kurvaSSeries, kurvaSSvg } from "./kurva-s-svg.js";

function view(at: string) {
  const r = computeProgress(realizationPlan(), at);
  if (!r.ok) throw new Error("example must schedule");
  return r.view;
}

describe("kurvaSSvg", () => {
  it("plots the weekly curve, and the figures of the reporting date between two Sundays", () => {
    const v = view("2027-02-03"); // a Wednesday
    const input = kurvaSOf(v);
    const series = kurvaSSeries(input);
    const planned = series.find((s) => s.label === "Rencana fisik")!.values;
    const actual = series.find((s) => s.label === "Realisasi fisik")!.values;
    // One point per week plus the reporting date, in date order.
    expect(planned).toHaveLength(v.curve.length + 1);
    const k = v.curve.findIndex((c) => c.date > "2027-02-03");
    expect(planned.slice(0, k)).toEqual(v.curve.slice(0, k).map((c) => c.planned));
    expect(planned[k]).toBe(v.planned);
    expect(actual[k]).toBe(v.actual);
    expect(actual.slice(k + 1).every((a) => a === null)).toBe(true);
    // Money as a percent of the RAB.
    const money = series.find((s) => s.label === "Realisasi keuangan")!.values;
    expect(money[k]).toBeCloseTo((v.financial.actual / v.financial.budget) * 100, 6);
    const svg = kurvaSSvg(input).svg;
    expect(svg).toContain("per 3 Feb 2027");
    expect(svg.startsWith("<svg")).toBe(true);
  });

  it("on a Sunday adds nothing, and labels stay literal", () => {
    const v = view("2027-01-31");
    const input = { ...kurvaSOf(v), baselineLabels: ["<b>awal</b> & co"] };
    expect(kurvaSSeries(input)[0]!.values).toHaveLength(v.curve.length);
    expect(kurvaSSvg(input).svg).toContain("&lt;b&gt;awal&lt;/b&gt; &amp; co");
  });
});
