// Indeks Kepuasan Masyarakat (IKM) as Permenpan RB 14/2017 computes it, pure.
//   NRR per unsur = Σ answers / respondents
//   IKM          = (Σ NRR / 9) × 25
// Everything is kept as whole numbers until the end: with T the sum of all answers and n the
// respondents, IKM = 25·T / (9·n) exactly, rounded half up to 2 decimals once. Mutu and
// kinerja are read from the rounded value, so the intervals (…76,60 | 76,61…) meet exactly.
import type { Bilingual } from "../messages.js";

export type UnsurCode = "U1" | "U2" | "U3" | "U4" | "U5" | "U6" | "U7" | "U8" | "U9";

export type Unsur = {
  code: UnsurCode;
  name: string;
  /** The question as a citizen reads it. */
  question: Bilingual;
  /** The regulation's wording of the answers 1..4. */
  scale: readonly [string, string, string, string];
};

/** The nine unsur of Permenpan RB 14/2017, in the order answers are given. */
export const UNSUR: readonly Unsur[] = [
  {
    code: "U1",
    name: "Persyaratan",
    question: { id: "Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", en: "Do the requirements fit the kind of service?" },
    scale: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
  },
  {
    code: "U2",
    name: "Sistem, mekanisme dan prosedur",
    question: { id: "Bagaimana kemudahan prosedur pelayanan di unit ini?", en: "How easy is the procedure?" },
    scale: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
  },
  {
    code: "U3",
    name: "Waktu penyelesaian",
    question: { id: "Bagaimana kecepatan waktu dalam memberikan pelayanan?", en: "How fast is the service?" },
    scale: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
  },
  {
    code: "U4",
    name: "Biaya/tarif",
    question: { id: "Bagaimana kewajaran biaya/tarif dalam pelayanan?", en: "How fair is the cost?" },
    scale: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
  },
  {
    code: "U5",
    name: "Produk spesifikasi jenis pelayanan",
    question: { id: "Bagaimana kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?", en: "Does the product match the service standard?" },
    scale: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
  },
  {
    code: "U6",
    name: "Kompetensi pelaksana",
    question: { id: "Bagaimana kompetensi/kemampuan petugas dalam pelayanan?", en: "How competent are the staff?" },
    scale: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
  },
  {
    code: "U7",
    name: "Perilaku pelaksana",
    question: { id: "Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", en: "How polite and friendly are the staff?" },
    scale: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
  },
  {
    code: "U8",
    name: "Penanganan pengaduan, saran dan masukan",
    question: { id: "Bagaimana penanganan pengaduan, saran dan masukan di unit ini?", en: "How are complaints and suggestions handled?" },
    scale: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
  },
  {
    code: "U9",
    name: "Sarana dan prasarana",
    question: { id: "Bagaimana kualitas sarana dan prasarana?", en: "How good are the facilities?" },
    scale: ["Buruk", "Cukup", "Baik", "Sangat baik"],
  },
];

export type Mutu = "A" | "B" | "C" | "D";
export const KINERJA: Record<Mutu, string> = { A: "Sangat Baik", B: "Baik", C: "Kurang Baik", D: "Tidak Baik" };

export type SkmAnswers = readonly number[];

export type IkmResult = {
  respondents: number;
  unsur: { code: UnsurCode; name: string; nrr: number }[];
  ikm: number;
  mutu: Mutu;
  kinerja: string;
};

/** Half-up rounding of p/q (p ≥ 0, q > 0) to `decimals` places, in whole numbers. */
function roundRatio(p: number, q: number, decimals: number): number {
  const scale = 10 ** decimals;
  // floor((2·p·scale + q) / (2·q)) is p·scale/q rounded half up, exact for safe integers.
  return Math.floor((2 * p * scale + q) / (2 * q)) / scale;
}

/** Mutu for a value on the 25–100 scale, already rounded to 2 decimals. */
export function mutuOf(value: number): Mutu {
  // Compare in hundredths so 76.61 is not lost to binary fractions.
  const hundredths = Math.round(value * 100);
  if (hundredths >= 8831) return "A";
  if (hundredths >= 7661) return "B";
  if (hundredths >= 6500) return "C";
  return "D";
}

/** True when each answer list has nine whole numbers 1..4. */
export function isValidAnswers(answers: readonly unknown[]): answers is SkmAnswers {
  return answers.length === 9 && answers.every((a) => Number.isInteger(a) && (a as number) >= 1 && (a as number) <= 4);
}

/**
 * IKM for a set of responses (each nine answers 1..4 in the order of UNSUR). Undefined when
 * there is no respondent: an index of nobody is not zero, it does not exist.
 */
export function computeIkm(responses: readonly SkmAnswers[]): IkmResult | undefined {
  const n = responses.length;
  if (n === 0) return undefined;
  const sums = UNSUR.map(() => 0);
  for (const answers of responses) {
    if (!isValidAnswers(answers)) throw new RangeError("each response needs nine answers 1..4");
    answers.forEach((a, i) => (sums[i]! += a));
  }
  const total = sums.reduce((s, x) => s + x, 0);
  const ikm = roundRatio(25 * total, 9 * n, 2);
  const mutu = mutuOf(ikm);
  return {
    respondents: n,
    unsur: UNSUR.map((u, i) => ({ code: u.code, name: u.name, nrr: roundRatio(sums[i]!, n, 2) })),
    ikm,
    mutu,
    kinerja: KINERJA[mutu],
  };
}

export type UnsurStanding = { code: UnsurCode; name: string; nrr: number; value: number; mutu: Mutu };

/**
 * Each unsur on the 25–100 scale (NRR × 25, rounded at the end) with its own mutu, lowest
 * first: the first is the priority for improvement. Ties keep the regulation's order.
 */
export function unsurStandings(responses: readonly SkmAnswers[]): UnsurStanding[] {
  const n = responses.length;
  if (n === 0) return [];
  const sums = UNSUR.map((_, i) => responses.reduce((s, r) => s + r[i]!, 0));
  return UNSUR.map((u, i) => {
    const value = roundRatio(25 * sums[i]!, n, 2);
    return { code: u.code, name: u.name, nrr: roundRatio(sums[i]!, n, 2), value, mutu: mutuOf(value), sum: sums[i]! };
  })
    .sort((a, b) => a.sum - b.sum || a.code.localeCompare(b.code))
    .map(({ sum: _sum, ...rest }) => rest);
}
