// The public page of a service as plain server-rendered HTML: no script, one small inline style,
// readable on a phone. It shows only the published snapshot (the penyampaian components, the
// maklumat, address and hours) and carries the complaint form, the SKM questionnaire and the
// tracking-code look-up. Every value passes through `esc`.
import { UNSUR } from "../../domain/service/ikm.js";
import { COMPLAINT_KIND_LABELS, COMPLAINT_KINDS, COMPLAINT_STATUS_LABELS, EDUCATIONS, GENDER_LABELS, GENDERS, OCCUPATIONS, PUBLIC_LIMITS, type ComplaintStatus, type PublicService } from "../../domain/service/public.js";
import type { ApiErrorItem } from "../errors.js";
import { HONEYPOT_FIELD } from "./guard.js";

export function esc(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
header{background:#0b4f6c;color:#fff;padding:1rem}header p{margin:0;font-size:.95rem}h1{margin:.25rem 0 0;font-size:1.5rem;line-height:1.25}
main{max-width:44rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}section{background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:1rem;margin:0 0 1rem}
h2{font-size:1.2rem;margin:0 0 .75rem}h3{font-size:1rem;margin:.75rem 0 .25rem}ol,ul{padding-left:1.25rem;margin:.25rem 0}
blockquote{margin:0;padding:.75rem;border-left:4px solid #0b4f6c;background:#eef5f8}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}input[type=text],input[type=number],select,textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #6b7785;border-radius:6px;background:#fff}
textarea{min-height:7rem}fieldset{min-width:0;border:1px solid #d8dde3;border-radius:6px;margin:.75rem 0;padding:.5rem .75rem}legend{font-weight:600;padding:0 .25rem}
fieldset label{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0}
button{font:inherit;font-weight:600;background:#0b4f6c;color:#fff;border:0;border-radius:6px;padding:.65rem 1.1rem;margin-top:1rem;min-height:44px}
.hint,.privacy{font-size:.9rem;color:#3d4752}.errors{border:2px solid #b00020;background:#fff0f1;padding:.75rem;border-radius:6px}.ok{border:2px solid #1b7a3a;background:#eefaf1;padding:.75rem;border-radius:6px}
.code{font:700 1.3rem/1.2 ui-monospace,monospace;letter-spacing:.05em}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
dl{margin:0}dt{font-weight:600;margin-top:.5rem}dd{margin:0}
`;

export type PageState = {
  token: string;
  lang: "id";
  /** Errors of the form just sent, with what was typed. */
  complaintForm?: { errors: ApiErrorItem[]; values: Record<string, string> };
  skmForm?: { errors: ApiErrorItem[]; values: Record<string, string> };
  /** A complaint just filed. */
  filed?: { code: string };
  /** The SKM questionnaire was just sent. */
  skmThanks?: boolean;
  /** A tracking-code look-up. */
  tracked?: { code: string; found: false } | { code: string; found: true; status: ComplaintStatus; answer: string | null };
  notice?: string;
};

function errorList(errors: ApiErrorItem[] | undefined): string {
  if (!errors?.length) return "";
  return `<div class="errors" role="alert"><p><strong>Periksa kembali isian berikut:</strong></p><ul>${errors.map((e) => `<li>${esc(e.message.id)}</li>`).join("")}</ul></div>`;
}

const PRIVACY = `<p class="privacy"><strong>Pemberitahuan privasi.</strong> Kami hanya menyimpan yang Anda isi di formulir ini, untuk menangani pengaduan dan mengukur kepuasan layanan. Nama dan kontak boleh dikosongkan (pengaduan tanpa nama tetap ditangani; simpan kode lacaknya). Survei tidak menanyakan nama. Alamat internet Anda tidak disimpan; hanya sidik acaknya dipakai selama satu jam untuk membatasi jumlah kiriman. Data tidak dibagikan kepada pihak lain.</p>`;

function hidden(state: PageState): string {
  return `<input type="hidden" name="token" value="${esc(state.token)}"><div class="hp" aria-hidden="true"><label for="f-${HONEYPOT_FIELD}">Jangan diisi</label><input type="text" id="f-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>`;
}

function options(values: readonly string[], selected: string | undefined, label: (v: string) => string = (v) => v): string {
  return [`<option value="">— tidak diisi —</option>`, ...values.map((v) => `<option value="${esc(v)}"${v === selected ? " selected" : ""}>${esc(label(v))}</option>`)].join("");
}

function trackingSection(s: PublicService, state: PageState): string {
  let result = "";
  const t = state.tracked;
  if (t && !t.found) result = `<p class="errors" role="alert">Kode lacak ${esc(t.code)} tidak ditemukan untuk layanan ini.</p>`;
  if (t && t.found)
    result = `<div class="ok" role="status" data-testid="tracking-result"><p>Kode <span class="code">${esc(t.code)}</span></p><p>Status: <strong>${esc(COMPLAINT_STATUS_LABELS[t.status].id)}</strong></p>${
      t.answer ? `<h3>Jawaban</h3><p>${esc(t.answer).replace(/\n/g, "<br>")}</p>` : ""
    }</div>`;
  return `<section id="lacak" aria-labelledby="h-lacak"><h2 id="h-lacak">Lacak pengaduan</h2>${result}
<form method="get" action="/layanan/${esc(s.slug)}#lacak"><label for="f-kode">Kode lacak</label><input type="text" id="f-kode" name="kode" autocomplete="off" placeholder="XXXX-XXXX-XXXX" value="${esc(t?.code ?? "")}" maxlength="20"><button type="submit">Lihat status</button></form></section>`;
}

function complaintSection(s: PublicService, state: PageState): string {
  const v = state.complaintForm?.values ?? {};
  const filed = state.filed
    ? `<div class="ok" role="status" data-testid="complaint-filed"><p>Terima kasih, kiriman Anda sudah kami terima. Simpan kode lacak ini untuk melihat statusnya:</p><p class="code" data-testid="tracking-code">${esc(state.filed.code)}</p><p><a href="/layanan/${esc(s.slug)}?kode=${esc(state.filed.code)}#lacak">Lihat status</a></p></div>`
    : "";
  const kind = v.kind ?? "pengaduan";
  return `<section id="pengaduan" aria-labelledby="h-pengaduan"><h2 id="h-pengaduan">Pengaduan, saran dan masukan</h2>${filed}${errorList(state.complaintForm?.errors)}
<p class="hint">Dijawab paling lama ${s.complaintDays} hari kerja.</p>
<form method="post" action="/layanan/${esc(s.slug)}/pengaduan#pengaduan">${hidden(state)}
<fieldset><legend>Jenis</legend>${COMPLAINT_KINDS.map((k) => `<label><input type="radio" name="kind" value="${k}"${k === kind ? " checked" : ""}> ${esc(COMPLAINT_KIND_LABELS[k].id)}</label>`).join("")}</fieldset>
<label for="f-body">Isi pengaduan, saran atau masukan (wajib)</label><textarea id="f-body" name="body" maxlength="${PUBLIC_LIMITS.body}" required>${esc(v.body ?? "")}</textarea>
<label for="f-name">Nama (boleh dikosongkan)</label><input type="text" id="f-name" name="name" autocomplete="name" maxlength="${PUBLIC_LIMITS.name}" value="${esc(v.name ?? "")}">
<label for="f-contact">Kontak: telepon atau surel (boleh dikosongkan)</label><input type="text" id="f-contact" name="contact" autocomplete="email" maxlength="${PUBLIC_LIMITS.contact}" value="${esc(v.contact ?? "")}">
${PRIVACY}<button type="submit">Kirim</button></form></section>`;
}

function skmSection(s: PublicService, state: PageState): string {
  const v = state.skmForm?.values ?? {};
  const thanks = state.skmThanks ? `<div class="ok" role="status" data-testid="skm-thanks"><p>Terima kasih atas penilaian Anda.</p></div>` : "";
  const questions = UNSUR.map((u) => {
    const name = u.code.toLowerCase();
    return `<fieldset><legend>${esc(u.code)}. ${esc(u.question.id)}</legend>${u.scale
      .map((label, i) => `<label><input type="radio" name="${name}" value="${i + 1}"${v[name] === String(i + 1) ? " checked" : ""} required> ${i + 1} — ${esc(label)}</label>`)
      .join("")}</fieldset>`;
  }).join("");
  return `<section id="skm" aria-labelledby="h-skm"><h2 id="h-skm">Survei kepuasan masyarakat</h2>${thanks}${errorList(state.skmForm?.errors)}
<p class="hint">Sembilan pertanyaan (Permenpan RB 14/2017). Pilih satu jawaban untuk setiap pertanyaan.</p>
<form method="post" action="/layanan/${esc(s.slug)}/skm#skm">${hidden(state)}${questions}
<h3>Profil responden (semua boleh dikosongkan)</h3>
<label for="f-gender">Jenis kelamin</label><select id="f-gender" name="gender">${options(GENDERS, v.gender, (g) => GENDER_LABELS[g as "L" | "P"])}</select>
<label for="f-age">Umur (tahun)</label><input type="number" id="f-age" name="age" min="10" max="120" inputmode="numeric" value="${esc(v.age ?? "")}">
<label for="f-education">Pendidikan terakhir</label><select id="f-education" name="education">${options(EDUCATIONS, v.education)}</select>
<label for="f-occupation">Pekerjaan utama</label><select id="f-occupation" name="occupation">${options(OCCUPATIONS, v.occupation)}</select>
<label for="f-suggestion">Saran (boleh dikosongkan)</label><textarea id="f-suggestion" name="suggestion" maxlength="${PUBLIC_LIMITS.suggestion}">${esc(v.suggestion ?? "")}</textarea>
${PRIVACY}<button type="submit">Kirim penilaian</button></form></section>`;
}

export function renderServicePage(s: PublicService, state: PageState): string {
  const components = s.components
    .map((c) => `<dt>${esc(c.label)}</dt><dd>${c.lines.length === 0 ? "—" : c.lines.length === 1 ? esc(c.lines[0]) : `<ul>${c.lines.map((l) => `<li>${esc(l.replace(/^\d+\.\s*/, ""))}</li>`).join("")}</ul>`}</dd>`)
    .join("");
  const maklumat = s.maklumat;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(s.service)} — ${esc(s.organization)}</title><style>${STYLE}</style></head>
<body><header><p>${esc(s.organization)}${s.unit ? ` · ${esc(s.unit)}` : ""}</p><h1>${esc(s.service)}</h1></header>
<main>${state.notice ? `<p class="errors" role="alert">${esc(state.notice)}</p>` : ""}
<section aria-labelledby="h-standar"><h2 id="h-standar">Standar pelayanan</h2><dl>${components}</dl>${s.adoption.number ? `<p class="hint">Ditetapkan dengan Keputusan Nomor ${esc(s.adoption.number)}.</p>` : ""}</section>
<section aria-labelledby="h-maklumat"><h2 id="h-maklumat">Maklumat pelayanan</h2><blockquote data-testid="maklumat">${esc(maklumat.text)}</blockquote>
<p>${esc([maklumat.place, maklumat.date].filter(Boolean).join(", "))}</p><p>${esc(maklumat.position)}<br><strong>${esc(maklumat.name)}</strong></p></section>
<section aria-labelledby="h-alamat"><h2 id="h-alamat">Alamat dan jam layanan</h2><dl><dt>Alamat</dt><dd>${esc(s.address || "—")}</dd><dt>Jam layanan</dt><dd>${esc(s.hours || "—")}</dd></dl></section>
${complaintSection(s, state)}${trackingSection(s, state)}${skmSection(s, state)}
</main></body></html>`;
}

/** A small page for a missing or withdrawn service. */
export function renderNotFoundPage(): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Layanan tidak ditemukan</title><style>${STYLE}</style></head><body><main><section><h1>Layanan tidak ditemukan</h1><p>Halaman layanan ini tidak ada atau belum diterbitkan.</p></section></main></body></html>`;
}
