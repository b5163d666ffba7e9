// Verification of an approved decree (issue 10, item 5). Public, no sign-in: the page a printed
// decree's QR code opens (/verifikasi/<code>) and its JSON (/api/verifications/<code>) show the
// number, date, title, signatory and the SHA-256 of the approved file — nothing else of the plan
// or the organisation. Codes carry 120 random bits, so they cannot be guessed; the public routes
// are rate-limited all the same. Admins upload the organisation's PKCS#12 signing certificate
// (sealed at rest, never returned: only its subject, issuer and validity are shown).
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { formatTanggal } from "../../domain/format/indonesian.js";
import { recordAudit } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import { writeTransaction } from "../../store/plans-repo.js";
import {
  deleteSigningCertificate,
  normalizeVerificationCode,
  saveSigningCertificate,
  signingCertificateSummary,
  verificationByCode,
  type Verification,
} from "../../store/verification-repo.js";
import { requireAuth } from "../auth/context.js";
import { policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { parseInput } from "../plans/routes.js";
import { seal } from "./seal.js";

export type VerificationRoutesOptions = { database: Database; secretKey: string | undefined; now?: () => number };

const codeParams = z.strictObject({ code: z.string().max(64) });
const lang = z.strictObject({ lang: z.enum(["id", "en"]).optional() });
const certificateBody = z.strictObject({
  p12Base64: z.string().min(1).max(200_000).regex(/^[A-Za-z0-9+/=\s]+$/),
  passphrase: z.string().max(500),
});

/** What the public may see of a verification. */
function presentVerification(v: Verification) {
  return { code: v.code, number: v.number, issuedOn: v.issuedOn, title: v.title, signatory: v.signatory, sha256: v.sha256, signed: v.signed };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}dt{font-weight:600;margin-top:.75rem}dd{margin:0;word-break:break-all}.ok{color:#0a6b2d}.warn{color:#8a5a00}small{color:#555}</style></head><body>${body}</body></html>`;
}

function verificationPage(v: Verification): string {
  const rows: [string, string][] = [
    ["Nomor / Number", v.number],
    ["Tanggal ditetapkan / Date", formatTanggal(v.issuedOn)],
    ["Tentang / Title", v.title],
    ["Penandatangan / Signatory", v.signatory],
    ["SHA-256 berkas yang disetujui / of the approved file", v.sha256 ?? "sedang disiapkan / being prepared"],
    ["Tanda tangan elektronik / Electronic signature", v.signed ? "PAdES dengan sertifikat organisasi / PAdES with the organisation's certificate" : "tidak ada / none"],
  ];
  return page(
    `Verifikasi Keputusan ${v.number}`,
    `<h1>Verifikasi Keputusan</h1><p class="ok" data-testid="verified">Keputusan ini tercatat sebagai disetujui. / This decree is recorded as approved.</p>
<dl>${rows.map(([k, val]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(val)}</dd>`).join("")}</dl>
<p><small>Bandingkan SHA-256 di atas dengan berkas yang Anda pegang (mis. <code>sha256sum berkas.pdf</code>); cetakan kertas diperiksa dari nomor, tanggal, perihal dan penandatangan. / Compare the SHA-256 with the file you hold; a paper copy is checked by its number, date, title and signatory. Kode / code: ${escapeHtml(v.code)}</small></p>`,
  );
}

const unknownPage = () =>
  page("Kode verifikasi tidak dikenal", `<h1>Kode verifikasi tidak dikenal</h1><p class="warn" data-testid="unknown">Tidak ada keputusan dengan kode ini. Periksa kembali kode pada dokumen. / No decree has this code; check the code printed on the document.</p>`);

export const verificationRoutes: FastifyPluginAsync<VerificationRoutesOptions> = async (app, { database, secretKey, now = Date.now }) => {
  const db = database.db;
  const publicLimit = { max: 60, timeWindow: 60_000 };

  async function find(raw: string): Promise<Verification | undefined> {
    const code = normalizeVerificationCode(raw);
    return code ? verificationByCode(db, code) : undefined;
  }

  app.get(
    "/verifikasi/:code",
    { config: { policy: policies.public, rateLimit: publicLimit }, schema: { tags: ["verification"], summary: "Public verification page of an approved decree (HTML, no sign-in)" } },
    async (request, reply) => {
      const { code } = parseInput(codeParams, request.params);
      const v = await find(code);
      reply.header("cache-control", "no-store").header("x-robots-tag", "noindex");
      if (!v) return reply.code(404).type("text/html; charset=utf-8").send(unknownPage());
      return reply.type("text/html; charset=utf-8").send(verificationPage(v));
    },
  );

  app.get(
    "/api/verifications/:code",
    { config: { policy: policies.public, rateLimit: publicLimit }, schema: { tags: ["verification"], summary: "An approved decree's verification: number, date, title, signatory, SHA-256 of the approved file (no sign-in)" } },
    async (request, reply) => {
      parseInput(lang, request.query);
      const { code } = parseInput(codeParams, request.params);
      const v = await find(code);
      if (!v) throw apiError("not_found");
      return reply.header("cache-control", "no-store").send(presentVerification(v));
    },
  );

  // ---- the organisation's signing certificate (admins) ----

  app.get(
    "/api/organization/signing-certificate",
    { config: { policy: policies.admin }, schema: { tags: ["verification"], summary: "The organisation's signing certificate: subject, issuer, validity (never the file or key)" } },
    async (request) => {
      parseInput(lang, request.query);
      return { certificate: (await signingCertificateSummary(db, requireAuth(request.auth).organizationId)) ?? null };
    },
  );

  app.put(
    "/api/organization/signing-certificate",
    { config: { policy: policies.admin }, schema: { tags: ["verification"], summary: "Upload the organisation's PKCS#12 signing certificate (base64) and its passphrase" } },
    async (request) => {
      parseInput(lang, request.query);
      const body = parseInput(certificateBody, request.body);
      const auth = requireAuth(request.auth);
      const invalid = (path: string, id: string, en: string) => apiError("request.invalid", { errors: [{ path, code: "certificate.invalid", message: { id, en } }] });
      if (!secretKey) throw invalid("p12Base64", "Sertifikat tidak dapat disimpan: server belum diberi RENCANA_SECRET_KEY untuk menyegelnya", "The certificate cannot be stored: the server has no RENCANA_SECRET_KEY to seal it with");
      const p12 = new Uint8Array(Buffer.from(body.p12Base64.replace(/\s+/g, ""), "base64"));
      // Loaded on upload only: the signing libraries stay off every other path.
      const { CertificateError, readCertificate } = await import("../../documents/signing/pades.js");
      let info;
      try {
        info = readCertificate({ p12, passphrase: body.passphrase }, new Date(now()));
      } catch (e) {
        if (!(e instanceof CertificateError)) throw e;
        if (e.reason === "expired") throw invalid("p12Base64", "Berkas sertifikat (PKCS#12): sertifikat belum berlaku atau sudah kedaluwarsa", "Certificate file (PKCS#12): the certificate is not yet or no longer valid");
        if (e.reason === "no_key") throw invalid("p12Base64", "Berkas sertifikat (PKCS#12): tidak memuat kunci privat dan sertifikat", "Certificate file (PKCS#12): it holds no private key and certificate");
        throw invalid("passphrase", "Kata sandi sertifikat salah, atau berkas bukan PKCS#12 (.p12/.pfx)", "Wrong certificate passphrase, or the file is not PKCS#12 (.p12/.pfx)");
      }
      const at = new Date(now()).toISOString();
      await writeTransaction(db, async (q) => {
        await saveSigningCertificate(q, auth.organizationId, {
          sealedP12: seal(secretKey, p12),
          sealedPassphrase: seal(secretKey, new TextEncoder().encode(body.passphrase)),
          ...info,
          uploadedBy: auth.user.id,
          uploadedAt: at,
        });
        await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "certificate.update", detail: { subject: info.subject, validTo: info.validTo }, at });
      });
      return { certificate: (await signingCertificateSummary(db, auth.organizationId)) ?? null };
    },
  );

  app.delete(
    "/api/organization/signing-certificate",
    { config: { policy: policies.admin }, schema: { tags: ["verification"], summary: "Remove the organisation's signing certificate" } },
    async (request) => {
      parseInput(lang, request.query);
      const auth = requireAuth(request.auth);
      const at = new Date(now()).toISOString();
      await writeTransaction(db, async (q) => {
        if (await deleteSigningCertificate(q, auth.organizationId)) await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "certificate.delete", at });
      });
      return { certificate: null };
    },
  );
};
