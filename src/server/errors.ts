// The HTTP error catalog: every 4xx/5xx the API sends has one of these stable codes, a
// status, and a message in Indonesian and English. Codes are a public contract (the web
// app switches on them): add, never rename. errors.md documents them; errors.test.ts keeps
// the three (catalog, docs, code that throws) in sync.
import type { FastifyRequest } from "fastify";
import { pick, type Bilingual, type Lang } from "../domain/messages.js";

type CatalogEntry = { status: number; message: Bilingual };

export const API_ERRORS = {
  "validation.failed": { status: 400, message: { id: "rencana tidak sesuai format v1; lihat daftar kesalahan", en: "the plan does not conform to format v1; see the list of errors" } },
  "request.invalid": { status: 400, message: { id: "permintaan tidak sah; lihat daftar kesalahan", en: "invalid request; see the list of errors" } },
  "json.invalid": { status: 400, message: { id: "isi permintaan bukan JSON yang sah", en: "the request body is not valid JSON" } },
  "json.too_deep": { status: 400, message: { id: "isi permintaan bersarang terlalu dalam", en: "the request body nests too deeply" } },
  "patch.failed": { status: 400, message: { id: "JSON Patch tidak dapat diterapkan", en: "the JSON Patch cannot be applied" } },
  "version.invalid": { status: 400, message: { id: "If-Match harus berisi nomor versi, mis. \"3\"", en: "If-Match must carry a version number, e.g. \"3\"" } },
  "import.failed": { status: 400, message: { id: "berkas tidak dapat diimpor; lihat daftar kesalahan", en: "the file cannot be imported; see the list of errors" } },
  "auth.required": { status: 401, message: { id: "silakan masuk terlebih dahulu", en: "please sign in first" } },
  "auth.expired": { status: 401, message: { id: "sesi telah berakhir; silakan masuk kembali", en: "the session has expired; please sign in again" } },
  "auth.invalid_credentials": { status: 401, message: { id: "surel atau kata sandi salah", en: "wrong e-mail or password" } },
  "auth.forbidden": { status: 403, message: { id: "Anda tidak berwenang melakukan ini", en: "you are not allowed to do this" } },
  "auth.csrf": { status: 403, message: { id: "token CSRF tidak ada atau tidak cocok; muat ulang halaman", en: "the CSRF token is missing or wrong; reload the page" } },
  "workflow.not_your_turn": { status: 403, message: { id: "belum giliran Anda dalam alur persetujuan", en: "it is not your turn in the approval workflow" } },
  not_found: { status: 404, message: { id: "tidak ditemukan", en: "not found" } },
  "document.unknown": { status: 404, message: { id: "jenis atau format dokumen tidak dikenal", en: "unknown document kind or format" } },
  "version.conflict": { status: 409, message: { id: "rencana sudah diubah orang lain; muat ulang versi terbaru lalu ulangi", en: "the plan was changed by someone else; reload the latest version and retry" } },
  "record.conflict": { status: 409, message: { id: "data ini sudah diubah orang lain; perubahan mereka dimuat ulang, periksa lalu ulangi", en: "someone else changed this in the meantime; their change is loaded, check it and retry" } },
  "workflow.locked": { status: 409, message: { id: "rencana sedang diperiksa dan tidak dapat diubah; minta dikembalikan bila perlu diubah", en: "the plan is under review and cannot be changed; ask for it to be returned if it needs changes" } },
  "workflow.invalid_state": { status: 409, message: { id: "tindakan ini tidak dapat dilakukan pada status rencana sekarang", en: "this action is not possible in the plan's current status" } },
  "realization.not_approved": { status: 409, message: { id: "kemajuan baru dapat dilaporkan setelah rencana disetujui", en: "progress can be reported only after the plan is approved" } },
  "public_page.not_adopted": { status: 409, message: { id: "standar pelayanan belum ditetapkan (isi tanggal penetapan); halaman publik baru dapat diterbitkan setelah ditetapkan", en: "the service standard is not adopted yet (fill in the adoption date); the public page can be published only after adoption" } },
  "public_form.rejected": { status: 400, message: { id: "formulir tidak dapat diterima: muat ulang halaman, isi kembali, lalu kirim (paling cepat beberapa detik setelah halaman dibuka)", en: "the form cannot be accepted: reload the page, fill it in again and send it (no sooner than a few seconds after opening the page)" } },
  "conflict.duplicate": { status: 409, message: { id: "data dengan nilai ini sudah ada", en: "a record with this value already exists" } },
  "body.too_large": { status: 413, message: { id: "isi permintaan terlalu besar", en: "the request body is too large" } },
  "media_type.unsupported": { status: 415, message: { id: "jenis isi (Content-Type) tidak didukung; kirim application/json", en: "unsupported Content-Type; send application/json" } },
  "import.unsupported": { status: 415, message: { id: "jenis berkas ini belum dapat diimpor", en: "this kind of file cannot be imported yet" } },
  "schedule.cycle": { status: 422, message: { id: "jadwal tidak dapat dihitung: ada ketergantungan melingkar", en: "the schedule cannot be computed: there is a dependency cycle" } },
  "workflow.findings_open": { status: 422, message: { id: "rencana masih memiliki temuan galat; perbaiki dulu sebelum diajukan, diparaf atau disetujui", en: "the plan still has error findings; fix them before it is submitted, initialled or approved" } },
  "document.too_large": { status: 422, message: { id: "dokumen terlalu besar untuk dibuat; persingkat teks rencana", en: "the document is too large to produce; shorten the plan's texts" } },
  "document.refused": { status: 422, message: { id: "dokumen tidak dibuat; lihat daftar masalah", en: "the document was not produced; see the list of problems" } },
  "auth.throttled": { status: 429, message: { id: "terlalu banyak percobaan masuk yang gagal; coba lagi nanti", en: "too many failed sign-in attempts; try again later" } },
  "events.too_many": { status: 429, message: { id: "terlalu banyak aliran langsung yang terbuka; tutup tab lain lalu coba lagi", en: "too many live streams are open; close other tabs and try again" } },
  rate_limited: { status: 429, message: { id: "terlalu banyak permintaan; tunggu sebentar lalu coba lagi", en: "too many requests; wait a moment and try again" } },
  "version.required": { status: 428, message: { id: "header If-Match dengan nomor versi wajib disertakan", en: "an If-Match header with the version number is required" } },
  "document.busy": { status: 503, message: { id: "server sedang membuat dokumen lain; coba lagi sebentar lagi", en: "the server is busy producing other documents; try again shortly" } },
  internal: { status: 500, message: { id: "terjadi kesalahan pada server", en: "internal server error" } },
} as const satisfies Record<string, CatalogEntry>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** One item of the `errors` list: a path in the request body (or query), a code, the message. */
export type ApiErrorItem = { path: string; code: string; message: Bilingual };

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    readonly options: { errors?: readonly ApiErrorItem[]; detail?: Bilingual; extra?: Record<string, unknown> } = {},
  ) {
    super(code);
    this.status = API_ERRORS[code].status;
  }
}

export function apiError(code: ApiErrorCode, options?: ApiError["options"]): ApiError {
  return new ApiError(code, options);
}

/** `?lang=en` or an English Accept-Language picks English; Indonesian otherwise. */
export function requestLang(request: FastifyRequest): Lang {
  const query = request.query as Record<string, unknown> | undefined;
  const q = query?.lang;
  if (q === "en" || q === "id") return q;
  const accept = request.headers["accept-language"];
  return typeof accept === "string" && /^\s*en\b/i.test(accept) ? "en" : "id";
}

export type ErrorBody = {
  error: { code: ApiErrorCode; message: string };
  errors?: { path: string; code: string; message: string; messages: Bilingual }[];
  [extra: string]: unknown;
};

export function errorBody(e: ApiError, lang: Lang): ErrorBody {
  const message = e.options.detail ?? API_ERRORS[e.code].message;
  return {
    ...e.options.extra,
    error: { code: e.code, message: pick(message, lang) },
    ...(e.options.errors ? { errors: e.options.errors.map((x) => ({ path: x.path, code: x.code, message: pick(x.message, lang), messages: x.message })) } : {}),
  };
}
