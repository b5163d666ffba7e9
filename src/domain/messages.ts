// The error catalog: every validation error and finding has a stable code and a message
// in Indonesian (the default) and English. Codes are a public contract: add, never rename.

export type Lang = "id" | "en";
export type Bilingual = { id: string; en: string };

export function pick(m: Bilingual, lang: Lang): string {
  return lang === "en" ? m.en : m.id;
}

/** A problem with the document itself: the plan does not conform to format v1. */
export type PlanError = {
  /** JSON path in the plan, e.g. `activities[3].dependsOn[0].activityId`; "" for the root. */
  path: string;
  code: ErrorCode;
  message: Bilingual;
};

export const ERROR_CODES = [
  "json.invalid",
  "format.unsupported",
  "field.required",
  "field.unknown",
  "type.invalid",
  "value.enum",
  "number.integer",
  "number.min",
  "number.max",
  "string.empty",
  "string.tooLong",
  "array.tooShort",
  "array.tooLong",
  "date.invalid",
  "id.duplicate",
  "reference.missing",
  "value.duplicate",
  "value.invalid",
  "text.forbiddenCharacter",
  "nip.invalid",
  "rank.invalid",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { id: "teks", en: "text" },
  number: { id: "angka", en: "a number" },
  int: { id: "bilangan bulat", en: "a whole number" },
  boolean: { id: "benar/salah (boolean)", en: "true/false (boolean)" },
  array: { id: "daftar (array)", en: "a list (array)" },
  object: { id: "objek", en: "an object" },
  null: { id: "null", en: "null" },
  undefined: { id: "tidak ada", en: "nothing" },
};

export function typeName(t: string): Bilingual {
  return TYPE_NAMES[t] ?? { id: t, en: t };
}

export const msg = {
  jsonInvalid: (detail: string): Bilingual => ({
    id: `bukan JSON yang sah: ${detail}`,
    en: `not valid JSON: ${detail}`,
  }),
  formatUnsupported: (got: string): Bilingual => ({
    id: `format "${got}" tidak dikenal; yang didukung: "rencana-layanan/plan@1"`,
    en: `unknown format "${got}"; supported: "rencana-layanan/plan@1"`,
  }),
  required: (): Bilingual => ({ id: "wajib diisi", en: "is required" }),
  unknownField: (key: string): Bilingual => ({
    id: `kolom "${key}" tidak dikenal dalam format v1`,
    en: `field "${key}" is not part of format v1`,
  }),
  wrongType: (expected: string, got: string): Bilingual => ({
    id: `harus berupa ${typeName(expected).id}, bukan ${typeName(got).id}`,
    en: `must be ${typeName(expected).en}, not ${typeName(got).en}`,
  }),
  notInteger: (): Bilingual => ({ id: "harus bilangan bulat", en: "must be a whole number" }),
  enumValue: (got: unknown, allowed: readonly unknown[]): Bilingual => ({
    id: `nilai ${JSON.stringify(got)} tidak dikenal; pilihan: ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
    en: `unknown value ${JSON.stringify(got)}; choose one of: ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
  }),
  numberMin: (min: number | bigint): Bilingual => ({
    id: `tidak boleh kurang dari ${min}`,
    en: `must not be less than ${min}`,
  }),
  numberMax: (max: number | bigint): Bilingual => ({
    id: `tidak boleh lebih dari ${max}`,
    en: `must not be more than ${max}`,
  }),
  stringEmpty: (): Bilingual => ({ id: "tidak boleh kosong", en: "must not be empty" }),
  stringTooLong: (max: number | bigint): Bilingual => ({
    id: `terlalu panjang (paling banyak ${max} karakter)`,
    en: `too long (at most ${max} characters)`,
  }),
  /** Too long, naming the field by its label when known: "nama kegiatan terlalu panjang: …". */
  fieldTooLong: (label: Bilingual | undefined, max: number | bigint, length?: number): Bilingual => {
    const got = length === undefined ? { id: "", en: "" } : { id: `${length} karakter, `, en: `${length} characters, ` };
    return label
      ? { id: `${label.id} terlalu panjang (${got.id}paling banyak ${max} karakter)`, en: `${label.en} is too long (${got.en}at most ${max} characters)` }
      : { id: `terlalu panjang (${got.id}paling banyak ${max} karakter)`, en: `too long (${got.en}at most ${max} characters)` };
  },
  arrayTooShort: (min: number | bigint): Bilingual => ({
    id: `harus berisi paling sedikit ${min} butir`,
    en: `must hold at least ${min} item(s)`,
  }),
  arrayTooLong: (max: number | bigint): Bilingual => ({
    id: `paling banyak ${max} butir`,
    en: `must hold at most ${max} item(s)`,
  }),
  dateInvalid: (got: unknown): Bilingual => ({
    id: `${JSON.stringify(got)} bukan tanggal yang sah (format TTTT-BB-HH)`,
    en: `${JSON.stringify(got)} is not a valid date (format YYYY-MM-DD)`,
  }),
  idDuplicate: (value: string, firstPath: string): Bilingual => ({
    id: `id "${value}" sudah dipakai di ${firstPath}`,
    en: `id "${value}" is already used at ${firstPath}`,
  }),
  referenceMissing: (value: string, list: string): Bilingual => ({
    id: `"${value}" tidak ditemukan di ${list}`,
    en: `"${value}" not found in ${list}`,
  }),
  valueDuplicate: (value: unknown): Bilingual => ({
    id: `nilai ${JSON.stringify(value)} tercantum lebih dari sekali`,
    en: `value ${JSON.stringify(value)} is listed more than once`,
  }),
  valueInvalid: (detail: string): Bilingual => ({ id: `nilai tidak sah: ${detail}`, en: `invalid value: ${detail}` }),
  forbiddenCharacter: (label: Bilingual | undefined, character: string, at: number): Bilingual => {
    const field = label ?? { id: "teks", en: "the text" };
    return {
      id: `${field.id} memuat karakter kendali atau pengubah arah tulisan ${character} (karakter ke-${at}); hapus karakter itu`,
      en: `${field.en} contains the control or text-direction character ${character} (character ${at}); remove it`,
    };
  },
};

/** `path: message` in one language, the form the CLI prints. */
export function formatError(e: { path: string; message: Bilingual }, lang: Lang = "id"): string {
  return e.path ? `${e.path}: ${pick(e.message, lang)}` : pick(e.message, lang);
}
