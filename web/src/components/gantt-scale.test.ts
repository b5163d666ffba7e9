import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { epochDayOf } from "../../../src/domain/schedule/dates.js";
import { DAY_WIDTH, ZOOMS, headerLabels } from "./gantt-scale.js";

describe("the Gantt's two-level header", () => {
  it("labels months over days, with the year, at the day zoom", () => {
    const first = epochDayOf("2026-12-28");
    const labels = headerLabels("hari", first, 0, 10, DAY_WIDTH.hari);
    expect(labels.filter((l) => l.row === 0).map((l) => l.text)).toEqual(["Desember 2026", "Januari 2027"]);
    expect(labels.filter((l) => l.row === 1).map((l) => l.text)).toEqual(["28", "29", "30", "31", "1", "2", "3", "4", "5", "6"]);
  });

  it("shortens a month that has only a few days in view instead of writing over the next", () => {
    const first = epochDayOf("2026-12-29"); // three days of December, then January
    const upper = headerLabels("minggu", first, 0, 40, DAY_WIDTH.minggu).filter((l) => l.row === 0);
    expect(upper[0]!.text.length).toBeLessThan("Desember 2026".length);
    expect(upper[1]!.text).toBe("Januari 2027");
  });

  it("weeks start on Monday and years sit over months", () => {
    const first = epochDayOf("2027-01-01"); // a Friday
    const weeks = headerLabels("minggu", first, 0, 21, DAY_WIDTH.minggu).filter((l) => l.row === 1);
    expect(weeks.map((w) => w.text)).toEqual(["", "4 Jan", "11 Jan", "18 Jan"]);
    const month = headerLabels("bulan", first, 0, 400, DAY_WIDTH.bulan);
    expect(month.filter((l) => l.row === 0).map((l) => l.text)).toEqual(["2027", "2028"]);
    expect(month.filter((l) => l.row === 1).slice(0, 3).map((l) => l.text)).toEqual(["Jan", "Feb", "Mar"]);
  });

  it("never overlaps: in each row, labels are disjoint and each text fits its period", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZOOMS), fc.integer({ min: epochDayOf("2020-01-01"), max: epochDayOf("2035-01-01") }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 800 }), (zoom, firstDay, from, span) => {
        const w = DAY_WIDTH[zoom];
        const labels = headerLabels(zoom, firstDay, from, from + span, w);
        for (const row of [0, 1] as const) {
          const inRow = labels.filter((l) => l.row === row).sort((a, b) => a.x - b.x);
          for (let i = 1; i < inRow.length; i++) expect(inRow[i]!.x).toBeGreaterThanOrEqual(inRow[i - 1]!.x + inRow[i - 1]!.width);
          for (const l of inRow) expect(l.text.length * (row === 0 ? 6.6 : 5.6)).toBeLessThanOrEqual(Math.max(0, l.width - 4));
          // Nothing outside the range asked for.
          for (const l of inRow) {
            expect(l.x).toBeGreaterThanOrEqual(from * w);
            expect(l.x + l.width).toBeLessThanOrEqual((from + span) * w + 1e-9);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
