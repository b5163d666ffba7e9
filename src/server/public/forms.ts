// The two public forms as data: field labels, parsing from JSON or from an HTML form (strings),
// and messages that name each field by its label. Nothing beyond what the forms ask is kept.
import type { Bilingual } from "../../domain/messages.js";
import { UNSUR } from "../../domain/service/ikm.js";
import { AGE_RANGE, COMPLAINT_KINDS, EDUCATIONS, GENDERS, OCCUPATIONS, PUBLIC_LIMITS, type ComplaintKind } from "../../domain/service/public.js";
import { apiError, type ApiErrorItem } from "../errors.js";

export const FIELD_LABELS: Record<string, Bilingual> = {
  kind: { id: "Jenis", en: "Kind" },
  body: { id: "Isi pengaduan, saran atau masukan", en: "Complaint, suggestion or input" },
  name: { id: "Nama", en: "Name" },
  contact: { id: "Kontak (telepon atau surel)", en: "Contact (phone or e-mail)" },
  gender: { id: "Jenis kelamin", en: "Gender" },
  age: { id: "Umur", en: "Age" },
  education: { id: "Pendidikan terakhir", en: "Education" },
  occupation: { id: "Pekerjaan utama", en: "Occupation" },
  suggestion: { id: "Saran", en: "Suggestion" },
  ...Object.fromEntries(UNSUR.map((u, i) => [`answers[${i}]`, { id: `${u.code} ${u.name}`, en: `${u.code} ${u.name}` }])),
};

export type ComplaintInput = { kind: ComplaintKind; body: string; name: string | null; contact: string | null };
export type SkmInput = { answers: number[]; gender: string | null; age: number | null; education: string | null; occupation: string | null; suggestion: string | null };

type Problems = ApiErrorItem[];

function problem(out: Problems, path: string, code: string, id: string, en: string): void {
  const label = FIELD_LABELS[path] ?? { id: path, en: path };
  out.push({ path, code, message: { id: `${label.id}: ${id}`, en: `${label.en}: ${en}` } });
}

/** Text without control characters, trimmed; null when empty. */
function optionalText(out: Problems, path: string, v: unknown, max: number): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") {
    problem(out, path, "field.type", "harus berupa teks", "must be text");
    return null;
  }
  // eslint-disable-next-line no-control-regex
  const t = v.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  if (t.length > max) problem(out, path, "field.too_long", `paling banyak ${max} karakter (sekarang ${t.length})`, `at most ${max} characters (now ${t.length})`);
  return t === "" ? null : t;
}

function choice<T extends string>(out: Problems, path: string, v: unknown, options: readonly T[]): T | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "string" && (options as readonly string[]).includes(v)) return v as T;
  problem(out, path, "field.choice", `pilih salah satu: ${options.join(", ")}`, `choose one of: ${options.join(", ")}`);
  return null;
}

const KNOWN_COMPLAINT = new Set(["kind", "body", "name", "contact", "token", "homepage", "lang"]);
const KNOWN_SKM = new Set(["answers", "gender", "age", "education", "occupation", "suggestion", "token", "homepage", "lang", ...UNSUR.map((u) => u.code.toLowerCase())]);

function unknownFields(out: Problems, body: Record<string, unknown>, known: Set<string>): void {
  for (const k of Object.keys(body)) if (!known.has(k)) out.push({ path: k, code: "field.unknown", message: { id: `"${k}" tidak dikenal di sini`, en: `"${k}" is not accepted here` } });
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw apiError("request.invalid", { errors: [{ path: "", code: "request.invalid", message: { id: "isi permintaan harus berupa objek", en: "the body must be an object" } }] });
  return body as Record<string, unknown>;
}

export function parseComplaint(raw: unknown): ComplaintInput {
  const body = asObject(raw);
  const out: Problems = [];
  unknownFields(out, body, KNOWN_COMPLAINT);
  const kind = choice(out, "kind", body.kind ?? "pengaduan", COMPLAINT_KINDS) ?? "pengaduan";
  const text = optionalText(out, "body", body.body, PUBLIC_LIMITS.body);
  if (text === null && !out.some((p) => p.path === "body")) problem(out, "body", "field.required", "wajib diisi", "is required");
  const name = optionalText(out, "name", body.name, PUBLIC_LIMITS.name);
  const contact = optionalText(out, "contact", body.contact, PUBLIC_LIMITS.contact);
  if (out.length > 0) throw apiError("request.invalid", { errors: out });
  return { kind, body: text ?? "", name, contact };
}

export function parseSkm(raw: unknown): SkmInput {
  const body = asObject(raw);
  const out: Problems = [];
  unknownFields(out, body, KNOWN_SKM);
  // From JSON: answers = [9 integers]; from the HTML form: u1..u9.
  const given = Array.isArray(body.answers) ? (body.answers as unknown[]) : UNSUR.map((u) => body[u.code.toLowerCase()]);
  if (Array.isArray(body.answers) && body.answers.length !== UNSUR.length) {
    out.push({ path: "answers", code: "skm.answers.count", message: { id: `jawaban harus ${UNSUR.length}, satu untuk setiap unsur (sekarang ${body.answers.length})`, en: `there must be ${UNSUR.length} answers, one per element (now ${body.answers.length})` } });
  }
  const answers = UNSUR.map((_, i) => {
    const v = given[i];
    const n = typeof v === "string" && /^[1-4]$/.test(v) ? Number(v) : v;
    if (v === undefined || v === null || v === "") {
      if (!Array.isArray(body.answers) || body.answers.length === UNSUR.length) problem(out, `answers[${i}]`, "field.required", "pilih salah satu jawaban", "choose an answer");
      return 0;
    }
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 4) {
      problem(out, `answers[${i}]`, "field.range", "jawaban 1 sampai 4", "an answer from 1 to 4");
      return 0;
    }
    return n as number;
  });
  let age: number | null = null;
  if (body.age !== undefined && body.age !== null && body.age !== "") {
    const n = typeof body.age === "string" && /^\d{1,3}$/.test(body.age.trim()) ? Number(body.age.trim()) : body.age;
    if (!Number.isInteger(n) || (n as number) < AGE_RANGE.min || (n as number) > AGE_RANGE.max) problem(out, "age", "field.range", `bilangan bulat ${AGE_RANGE.min}–${AGE_RANGE.max} tahun`, `a whole number ${AGE_RANGE.min}–${AGE_RANGE.max} years`);
    else age = n as number;
  }
  const result: SkmInput = {
    answers,
    gender: choice(out, "gender", body.gender, GENDERS),
    age,
    education: choice(out, "education", body.education, EDUCATIONS),
    occupation: choice(out, "occupation", body.occupation, OCCUPATIONS),
    suggestion: optionalText(out, "suggestion", body.suggestion, PUBLIC_LIMITS.suggestion),
  };
  if (out.length > 0) throw apiError("request.invalid", { errors: out });
  return result;
}
