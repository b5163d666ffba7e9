// Indonesian formatting used by every document and screen: dates, Rupiah, numbers in words
// (terbilang), NIP, decree dictum ordinals and lettered points. Pure: runs in the browser too.

export const NAMA_BULAN = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

export const NAMA_HARI = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"] as const;

function parseIsoDate(iso: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return { year, month, day };
}

/** "2027-01-06" → "6 Januari 2027". Anything that is not a real YYYY-MM-DD date comes back trimmed, as written. */
export function formatTanggal(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso.trim();
  return `${d.day} ${NAMA_BULAN[d.month - 1]} ${d.year}`;
}

/**
 * A span of days, shortest readable form: "4–6 Januari 2027", "28 Januari – 10 Februari 2027",
 * "30 Desember 2026 – 2 Januari 2027"; one day is just that day.
 */
export function formatRentangTanggal(startIso: string, finishIso: string): string {
  const a = parseIsoDate(startIso);
  const b = parseIsoDate(finishIso);
  if (!a || !b) return `${formatTanggal(startIso)} – ${formatTanggal(finishIso)}`;
  if (a.year === b.year && a.month === b.month && a.day === b.day) return formatTanggal(startIso);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${NAMA_BULAN[a.month - 1]} ${a.year}`;
  if (a.year === b.year) return `${a.day} ${NAMA_BULAN[a.month - 1]} – ${formatTanggal(finishIso)}`;
  return `${formatTanggal(startIso)} – ${formatTanggal(finishIso)}`;
}

/** "2027-01-06" → "Rabu" (undefined for an invalid date). */
export function namaHari(iso: string): string | undefined {
  const d = parseIsoDate(iso);
  if (!d) return undefined;
  return NAMA_HARI[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
}

/** "2027-01-06" → "Rabu, 6 Januari 2027". */
export function formatTanggalHari(iso: string): string {
  const hari = namaHari(iso);
  return hari ? `${hari}, ${formatTanggal(iso)}` : iso.trim();
}

/** Digits grouped by "." as Indonesian writes them; decimals (if any) after ",". */
export function formatAngka(n: number, fractionDigits = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const fixed = Math.abs(n).toFixed(fractionDigits);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const body = fraction ? `${grouped},${fraction}` : grouped;
  // Rounding may turn -0.4 into "0": no minus sign on zero.
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** 1250000 → "Rp1.250.000"; -1250000 → "-Rp1.250.000". Rounded to whole Rupiah. */
export function formatRupiah(n: number): string {
  if (!Number.isFinite(n)) return `Rp${String(n)}`;
  const rounded = Math.round(n);
  const body = formatAngka(Math.abs(rounded));
  return rounded < 0 ? `-Rp${body}` : `Rp${body}`;
}

const SATUAN = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"] as const;
const SKALA = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun"] as const;

/** Words for 1..999 ("" for 0). */
function ratusan(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push("seratus");
  else if (hundreds > 1) words.push(`${SATUAN[hundreds]} ratus`);
  if (rest === 10) words.push("sepuluh");
  else if (rest === 11) words.push("sebelas");
  else if (rest > 11 && rest < 20) words.push(`${SATUAN[rest - 10]} belas`);
  else if (rest >= 20) {
    words.push(`${SATUAN[Math.floor(rest / 10)]} puluh`);
    if (rest % 10) words.push(SATUAN[rest % 10] ?? "");
  } else if (rest > 0) words.push(SATUAN[rest] ?? "");
  return words.join(" ");
}

export const TERBILANG_MAX = 10 ** 15;

/**
 * Number in Indonesian words: 1250000 → "satu juta dua ratus lima puluh ribu"; 1000 → "seribu";
 * negative numbers start with "minus". Integers with |n| ≤ 10^15; fractions are rounded.
 * Throws RangeError outside that range, since a wrong amount in words on a document is worse than none.
 */
export function terbilang(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) > TERBILANG_MAX) {
    throw new RangeError(`terbilang: ${n} di luar jangkauan (|n| ≤ 10^15) / out of range`);
  }
  const value = Math.round(n);
  if (value === 0) return "nol";
  if (value < 0) return `minus ${terbilang(-value)}`;
  // Split into groups of three digits from the right, using BigInt so 10^15 stays exact.
  let rest = BigInt(value);
  const groups: number[] = [];
  while (rest > 0n) {
    groups.push(Number(rest % 1000n));
    rest /= 1000n;
  }
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) continue;
    // "seribu", never "satu ribu"; but "satu juta", "satu miliar".
    if (i === 1 && g === 1) words.push("seribu");
    else words.push(i === 0 ? ratusan(g) : `${ratusan(g)} ${SKALA[i]}`);
  }
  return words.join(" ");
}

/** 1250000 → "satu juta dua ratus lima puluh ribu rupiah". */
export function terbilangRupiah(n: number): string {
  return `${terbilang(n)} rupiah`;
}

/** terbilang with the first letter of every word capitalised, as written under a RAB total. */
export function terbilangJudul(n: number): string {
  return terbilang(n).replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, ch: string) => space + ch.toUpperCase());
}

/**
 * NIP (18 digits) grouped as birth date, appointment month, sex, sequence:
 * "197003121995031002" → "19700312 199503 1 002". Whitespace inside is ignored; anything else
 * that is not 18 digits comes back trimmed, as written.
 */
export function formatNip(nip: string): string {
  const trimmed = nip.trim();
  const digits = trimmed.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(digits)) return trimmed;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

/**
 * Dictum ordinal of a decree, in capitals: 1 → "KESATU", 2 → "KEDUA", 11 → "KESEBELAS",
 * 12 → "KEDUA BELAS", 21 → "KEDUA PULUH SATU". Any positive count.
 */
export function ordinalDiktum(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ordinalDiktum: ${n} harus bilangan bulat ≥ 1 / must be an integer ≥ 1`);
  return `KE${terbilang(n).toUpperCase()}`;
}

/** Lettered point for a 0-based index: 0 → "a.", 25 → "z.", 26 → "aa.", 27 → "ab.". */
export function hurufPoin(index: number): string {
  return `${hurufUrut(index)}.`;
}

/** The letters alone: 0 → "a", 26 → "aa" (used in "huruf a dan huruf b"). */
export function hurufUrut(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`hurufPoin: ${index} harus bilangan bulat ≥ 0 / must be an integer ≥ 0`);
  let n = index;
  let letters = "";
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

const ROMAWI: ReadonlyArray<readonly [number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** Roman numeral (1..3999), used for months in letter numbers: 11 → "XI". */
export function romawi(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`romawi: ${n} di luar 1..3999 / out of range`);
  let rest = n;
  let out = "";
  for (const [value, symbol] of ROMAWI) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** Month of an ISO date as a Roman numeral: "2027-11-03" → "XI" (undefined if invalid). */
export function bulanRomawi(iso: string): string | undefined {
  const d = parseIsoDate(iso);
  return d ? romawi(d.month) : undefined;
}
