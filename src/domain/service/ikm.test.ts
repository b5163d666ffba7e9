import { describe, expect, it } from "vitest";
import { computeIkm, mutuOf, unsurStandings, UNSUR } from "./ikm.js";

/** n responses whose answers add up to `total`: every answer 1, then raised one by one, in order. */
function responsesWithTotal(n: number, total: number): number[][] {
  const rows = Array.from({ length: n }, () => Array<number>(9).fill(1));
  let extra = total - 9 * n;
  for (let k = 0; extra > 0; k++) {
    const row = rows[k % n]!;
    const col = Math.floor(k / n) % 9;
    const add = Math.min(3, extra, 4 - row[col]!);
    row[col]! += add;
    extra -= add;
  }
  return rows;
}

describe("computeIkm", () => {
  it("computes a small case by hand", () => {
    // Two respondents. U1: 4,3 → 3.5; U2..U9: 3,3 → 3. Σ NRR = 3.5 + 8·3 = 27.5.
    // IKM = 27.5 / 9 × 25 = 76.3888… → 76.39, C (Kurang Baik).
    const r = computeIkm([
      [4, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
    ])!;
    expect(r.respondents).toBe(2);
    expect(r.unsur.map((u) => u.nrr)).toEqual([3.5, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(r.unsur.map((u) => u.code)).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    expect(r.unsur[3]!.name).toBe("Biaya/tarif");
    expect(r.ikm).toBe(76.39);
    expect(r).toMatchObject({ mutu: "C", kinerja: "Kurang Baik" });
  });

  it("gives 100 and 25 at the ends of the scale", () => {
    expect(computeIkm([Array(9).fill(4)])).toMatchObject({ ikm: 100, mutu: "A", kinerja: "Sangat Baik" });
    expect(computeIkm([Array(9).fill(1)])).toMatchObject({ ikm: 25, mutu: "D", kinerja: "Tidak Baik" });
  });

  it("rounds only at the end (rounding each NRR first would give another IKM)", () => {
    // Three respondents: each unsur 4,4,3 → NRR 3.6666…; IKM = 11/3 × 25 = 91.6666… → 91.67.
    // With NRRs rounded to 3.67 first it would be 91.75.
    const r = computeIkm([Array(9).fill(4), Array(9).fill(4), Array(9).fill(3)])!;
    expect(r.ikm).toBe(91.67);
    expect(r.unsur[0]!.nrr).toBe(3.67);
  });

  // Hand computed: IKM = 25·T / (9·n) with T the sum of all answers.
  it.each([
    // 25·717/(9·26) = 17925/234 = 76.6025… → 76,60: still C
    { n: 26, total: 717, ikm: 76.6, mutu: "C", kinerja: "Kurang Baik" },
    // 25·524/(9·19) = 13100/171 = 76.6081… → 76,61: B
    { n: 19, total: 524, ikm: 76.61, mutu: "B", kinerja: "Baik" },
    // 25·910/(9·33) = 22750/297 = 76.5993… → 76,60: C
    { n: 33, total: 910, ikm: 76.6, mutu: "C", kinerja: "Kurang Baik" },
    // 25·604/(9·19) = 15100/171 = 88.3040… → 88,30: still B
    { n: 19, total: 604, ikm: 88.3, mutu: "B", kinerja: "Baik" },
    // 25·763/(9·24) = 19075/216 = 88.3101… → 88,31: A
    { n: 24, total: 763, ikm: 88.31, mutu: "A", kinerja: "Sangat Baik" },
    // 25·1367/(9·43) = 34175/387 = 88.3074… → 88,31: A (rounded up across the boundary)
    { n: 43, total: 1367, ikm: 88.31, mutu: "A", kinerja: "Sangat Baik" },
    // 25·889/(9·38) = 22225/342 = 64.9853… → 64,99: D
    { n: 38, total: 889, ikm: 64.99, mutu: "D", kinerja: "Tidak Baik" },
    // 25·117/(9·5) = 65 exactly: C
    { n: 5, total: 117, ikm: 65, mutu: "C", kinerja: "Kurang Baik" },
  ])("$n respondents, answers summing to $total → $ikm ($mutu)", ({ n, total, ikm, mutu, kinerja }) => {
    const responses = responsesWithTotal(n, total);
    expect(responses.flat().reduce((s, a) => s + a, 0)).toBe(total);
    expect(computeIkm(responses)).toMatchObject({ respondents: n, ikm, mutu, kinerja });
  });

  it("reads mutu from the rounded value at each boundary", () => {
    expect([64.99, 65, 76.6, 76.61, 88.3, 88.31, 100].map(mutuOf)).toEqual(["D", "C", "C", "B", "B", "A", "A"]);
  });

  it("has no index without respondents and refuses a malformed response", () => {
    expect(computeIkm([])).toBeUndefined();
    expect(() => computeIkm([[1, 2, 3]])).toThrow(RangeError);
    expect(() => computeIkm([[1, 2, 3, 4, 5, 1, 1, 1, 1]])).toThrow(RangeError);
  });
});

describe("unsurStandings", () => {
  it("puts the lowest unsur first with its own mutu", () => {
    // U4 (biaya) answered 2 and 3 → NRR 2.5 → 62.5: D, the priority. U9 3,3 → 75: C.
    const a = [4, 4, 4, 2, 4, 4, 4, 4, 3];
    const b = [4, 4, 4, 3, 4, 4, 4, 4, 3];
    const s = unsurStandings([a, b]);
    expect(s[0]).toEqual({ code: "U4", name: UNSUR[3]!.name, nrr: 2.5, value: 62.5, mutu: "D" });
    expect(s[1]).toMatchObject({ code: "U9", value: 75, mutu: "C" });
    expect(s[2]).toMatchObject({ code: "U1", value: 100, mutu: "A" });
  });
});
