// Civil servants as a decree names them (indonesia.md §1.5): the NIP, the pangkat/golongan and
// the level of a position (JPT / administrator / pengawas / fungsional / pelaksana, the eselon of
// old). Pure: the plan schema, the decree's authority rules, the documents and the web app use it.
import type { Bilingual } from "../messages.js";
import { oneLine } from "./text.js";

// ---------------------------------------------------------------------------------------------
// NIP: YYYYMMDD birth date, YYYYMM appointment as CPNS, G sex (1 male, 2 female), NNN sequence.

export const NIP_RULES = ["nip.length", "nip.digits", "nip.birthDate", "nip.appointment", "nip.sex"] as const;
export type NipRule = (typeof NIP_RULES)[number];

export type NipCheck = { ok: true; digits: string } | { ok: false; rule: NipRule; message: Bilingual };

/** Digits of a NIP as typed: spaces (and only spaces) between the groups are allowed. */
export function nipInput(s: string): string {
  return s.replace(/\s+/g, "");
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Checks a NIP (PNS, 18 digits, BKN structure): whitespace between the groups is ignored;
 * the birth date must be a real day, the appointment month a real month after the birth, the
 * sex digit 1 or 2. The message names the rule broken, in Indonesian and English.
 */
export function checkNip(input: string): NipCheck {
  const digits = nipInput(input);
  const fail = (rule: NipRule, id: string, en: string): NipCheck => ({
    ok: false,
    rule,
    message: { id: `${JSON.stringify(oneLine(input))} tidak sah: ${id}`, en: `${JSON.stringify(oneLine(input))} is not valid: ${en}` },
  });
  if (/[^0-9]/.test(digits)) return fail("nip.digits", "NIP hanya terdiri atas angka (spasi di antara kelompok boleh)", "a NIP has digits only (spaces between the groups are allowed)");
  if (digits.length !== 18) {
    return fail("nip.length", `NIP terdiri atas 18 angka, bukan ${digits.length}`, `a NIP has 18 digits, not ${digits.length}`);
  }
  const by = Number(digits.slice(0, 4)), bm = Number(digits.slice(4, 6)), bd = Number(digits.slice(6, 8));
  if (!validDay(by, bm, bd)) {
    return fail("nip.birthDate", `8 angka pertama (${digits.slice(0, 8)}) harus tanggal lahir yang sah (TTTTBBHH)`, `the first 8 digits (${digits.slice(0, 8)}) must be a valid birth date (YYYYMMDD)`);
  }
  const ay = Number(digits.slice(8, 12)), am = Number(digits.slice(12, 14));
  if (!validDay(ay, am, 1) || ay * 12 + am <= by * 12 + bm) {
    return fail("nip.appointment", `angka ke-9 s.d. 14 (${digits.slice(8, 14)}) harus bulan pengangkatan CPNS yang sah (TTTTBB) sesudah tanggal lahir`, `digits 9–14 (${digits.slice(8, 14)}) must be a valid month of appointment (YYYYMM) after the birth date`);
  }
  const sex = digits.charAt(14);
  if (sex !== "1" && sex !== "2") {
    return fail("nip.sex", `angka ke-15 (${sex}) adalah kode jenis kelamin: 1 (laki-laki) atau 2 (perempuan)`, `digit 15 (${sex}) is the sex code: 1 (male) or 2 (female)`);
  }
  return { ok: true, digits };
}

// ---------------------------------------------------------------------------------------------
// Pangkat/golongan (PP 99/2000 as amended): Juru Muda I/a … Pembina Utama IV/e.

export type Pangkat = { golongan: string; name: string };

export const PANGKAT: readonly Pangkat[] = [
  { golongan: "I/a", name: "Juru Muda" },
  { golongan: "I/b", name: "Juru Muda Tingkat I" },
  { golongan: "I/c", name: "Juru" },
  { golongan: "I/d", name: "Juru Tingkat I" },
  { golongan: "II/a", name: "Pengatur Muda" },
  { golongan: "II/b", name: "Pengatur Muda Tingkat I" },
  { golongan: "II/c", name: "Pengatur" },
  { golongan: "II/d", name: "Pengatur Tingkat I" },
  { golongan: "III/a", name: "Penata Muda" },
  { golongan: "III/b", name: "Penata Muda Tingkat I" },
  { golongan: "III/c", name: "Penata" },
  { golongan: "III/d", name: "Penata Tingkat I" },
  { golongan: "IV/a", name: "Pembina" },
  { golongan: "IV/b", name: "Pembina Tingkat I" },
  { golongan: "IV/c", name: "Pembina Utama Muda" },
  { golongan: "IV/d", name: "Pembina Utama Madya" },
  { golongan: "IV/e", name: "Pembina Utama" },
];

/** How a pangkat is written in the format and printed: "Pembina Utama Muda (IV/c)". */
export function pangkatLabel(p: Pangkat): string {
  return `${p.name} (${p.golongan})`;
}

/** The official labels, in order: the choices of the app's select. */
export const PANGKAT_LABELS: readonly string[] = PANGKAT.map(pangkatLabel);

function normalizePangkatName(s: string): string {
  return oneLine(s.toLocaleLowerCase("id-ID").replace(/\btk\b\.?\s*/g, "tingkat ").replace(/[.,]/g, " "));
}

/**
 * The pangkat a text names, or undefined: the official label, or its usual variants — case and
 * spacing, "Tk. I" for "Tingkat I", "IV.c"/"IV-c"/"IVc" for "IV/c", the name or the golongan
 * alone, "Pembina Utama Muda, IV/c". A name and a golongan that disagree ("Pembina (IV/c)")
 * name nothing.
 */
export function parsePangkat(input: string): Pangkat | undefined {
  const t = oneLine(input);
  if (!t) return undefined;
  const gm = /\b(I{1,3}V?|IV)\s*[/.\-]?\s*([a-e])\b\)?\s*$/i.exec(t);
  let golongan: string | undefined;
  let namePart = t;
  if (gm) {
    golongan = `${gm[1]!.toUpperCase()}/${gm[2]!.toLowerCase()}`;
    namePart = t.slice(0, gm.index).replace(/[\s(,;-]+$/u, "");
  }
  const byGolongan = golongan ? PANGKAT.find((p) => p.golongan === golongan) : undefined;
  if (golongan && !byGolongan) return undefined;
  const name = normalizePangkatName(namePart);
  const byName = name ? PANGKAT.find((p) => normalizePangkatName(p.name) === name) : undefined;
  if (name && !byName) return undefined;
  if (byName && byGolongan && byName !== byGolongan) return undefined;
  return byName ?? byGolongan;
}

/** The rank as printed: the official label when the text names a pangkat, else as written. */
export function printRank(input: string | undefined): string {
  const t = oneLine(input ?? "");
  const p = parsePangkat(t);
  return p ? pangkatLabel(p) : t;
}

export function rankMessage(input: string): Bilingual {
  return {
    id: `pangkat/golongan ${JSON.stringify(oneLine(input))} tidak ada dalam daftar resmi (Juru Muda (I/a) … Pembina Utama (IV/e)); pilih dari daftar, mis. "Penata Tingkat I (III/d)"`,
    en: `rank ${JSON.stringify(oneLine(input))} is not in the official list (Juru Muda (I/a) … Pembina Utama (IV/e)); choose from the list, e.g. "Penata Tingkat I (III/d)"`,
  };
}

// ---------------------------------------------------------------------------------------------
// Levels of a position (UU 5/2014 ASN; eselon in Perpres 100/2000 as amended).

export const POSITION_LEVELS = ["pejabat-negara", "jpt-utama", "jpt-madya", "jpt-pratama", "administrator", "pengawas", "fungsional", "pelaksana"] as const;
export type PositionLevel = (typeof POSITION_LEVELS)[number];

export const POSITION_LEVEL_LABELS: Record<PositionLevel, Bilingual> = {
  "pejabat-negara": { id: "Pejabat negara (kepala daerah, menteri)", en: "State official (regional head, minister)" },
  "jpt-utama": { id: "JPT Utama (eselon Ia)", en: "Senior executive, utama (echelon Ia)" },
  "jpt-madya": { id: "JPT Madya (eselon I)", en: "Senior executive, madya (echelon I)" },
  "jpt-pratama": { id: "JPT Pratama (eselon II)", en: "Senior executive, pratama (echelon II)" },
  administrator: { id: "Administrator (eselon III)", en: "Administrator (echelon III)" },
  pengawas: { id: "Pengawas (eselon IV)", en: "Supervisor, pengawas (echelon IV)" },
  fungsional: { id: "Fungsional", en: "Functional officer" },
  pelaksana: { id: "Pelaksana (staf)", en: "Staff (pelaksana)" },
};

/** Place of a structural level in the line, from the top; undefined for fungsional and pelaksana. */
const STRUCTURAL_RANK: Partial<Record<PositionLevel, number>> = {
  "pejabat-negara": 0,
  "jpt-utama": 1,
  "jpt-madya": 2,
  "jpt-pratama": 3,
  administrator: 4,
  pengawas: 5,
};

export function isStructural(level: PositionLevel): boolean {
  return STRUCTURAL_RANK[level] !== undefined;
}

/**
 * Whether `lower` is one level below `upper` in the structural line: the next rank down, and
 * for a state official (Bupati, Gubernur, Menteri) any JPT — the Sekretaris Daerah or Sekretaris
 * Jenderal below them.
 */
export function oneLevelBelow(upper: PositionLevel, lower: PositionLevel): boolean {
  const u = STRUCTURAL_RANK[upper], l = STRUCTURAL_RANK[lower];
  if (u === undefined || l === undefined) return false;
  if (upper === "pejabat-negara") return lower.startsWith("jpt-");
  return l === u + 1;
}

/** Comparable lower-case form of a position for the heuristics below. */
function positionKey(position: string): string {
  return oneLine(position.toLocaleLowerCase("id-ID").replace(/[.,;:()]/g, " ")).replace(/^(plt|plh|a n|an) /, "");
}

const LEVEL_PATTERNS: Array<[RegExp, PositionLevel | ((k: string) => PositionLevel)]> = [
  [/^(wakil )?(bupati|wali ?kota|gubernur|menteri|presiden)\b/, "pejabat-negara"],
  [/^sekretaris daerah\b/, (k) => (/\bprovinsi\b/.test(k) ? "jpt-madya" : "jpt-pratama")],
  [/^(sekretaris jenderal|direktur jenderal|inspektur jenderal|deputi)\b/, "jpt-madya"],
  [/^(kepala (dinas|badan|satuan polisi pamong praja)|inspektur(?! pembantu)|asisten|staf ahli|direktur rsud|sekretaris dprd)\b/, "jpt-pratama"],
  [/^(sekretaris (dinas|badan|inspektorat|kecamatan)|sekretaris$|kepala (bidang|bagian)|camat|inspektur pembantu|direktur)\b/, "administrator"],
  [/^(kepala (seksi|sub ?bagian|sub ?bidang)|kasubbag|kasubbid|kasi|lurah)\b/, "pengawas"],
  [/\b(ahli (pertama|muda|madya|utama)|terampil|mahir|penyelia|pemula)$/, "fungsional"],
  [/^(pengadministrasi|pengolah|pengelola|pengemudi|pramu|staf|operator|penata layanan|penelaah|caraka|petugas|verifikator|bendahara)\b/, "pelaksana"],
];

/** The level a position's title usually has, when it says so plainly; undefined otherwise. */
export function inferLevel(position: string): PositionLevel | undefined {
  const k = positionKey(position);
  if (!k) return undefined;
  for (const [re, level] of LEVEL_PATTERNS) if (re.test(k)) return typeof level === "function" ? level(k) : level;
  return undefined;
}

/** Golongan I and II cannot hold a structural position (the lowest, pengawas, asks III/b at least). */
export function belowStructuralRank(rank: string | undefined): boolean {
  const p = parsePangkat(rank ?? "");
  return p !== undefined && (p.golongan.startsWith("I/") || p.golongan.startsWith("II/"));
}
