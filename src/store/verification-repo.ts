// Approved decrees' verifications (issue 10, item 5): the row written in the approval's
// transaction (code, number, date, title, signatory), then the archive copy and its SHA-256; and
// the organisation's sealed signing certificate. Every function takes the connection or the
// transaction it runs in.
import { randomBytes } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { DatabaseSchema, DecreeVerificationsTable } from "./schema.js";

export type Verification = {
  code: string;
  organizationId: string;
  planId: string;
  planVersion: number;
  kind: string;
  number: string;
  issuedOn: string;
  title: string;
  signatory: string;
  sha256: string | null;
  signed: boolean;
  createdAt: string;
  archivedAt: string | null;
};

const BASE32 = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"; // Crockford-like: no I, L, O, U

/** 120 random bits (crypto.randomBytes) as 24 base-32 characters: unguessable, easy to read aloud. */
export function newVerificationCode(): string {
  const bytes = randomBytes(15);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A code as typed by a reader: upper case, spaces and dashes removed; null when it cannot be one. */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return /^[A-Z0-9]{24}$/.test(code) ? code : null;
}

const toVerification = (r: Omit<Selectable<DecreeVerificationsTable>, "file">): Verification => ({
  code: r.code,
  organizationId: r.organization_id,
  planId: r.plan_id,
  planVersion: Number(r.plan_version),
  kind: r.kind,
  number: r.number,
  issuedOn: r.issued_on,
  title: r.title,
  signatory: r.signatory,
  sha256: r.sha256,
  signed: Number(r.signed) === 1,
  createdAt: r.created_at,
  archivedAt: r.archived_at,
});

const COLUMNS = ["code", "organization_id", "plan_id", "plan_version", "kind", "number", "issued_on", "title", "signatory", "sha256", "signed", "created_at", "archived_at"] as const;

export async function recordVerification(
  q: Kysely<DatabaseSchema>,
  v: Omit<Verification, "sha256" | "signed" | "archivedAt">,
): Promise<void> {
  await q
    .insertInto("decree_verifications")
    .values({
      code: v.code,
      organization_id: v.organizationId,
      plan_id: v.planId,
      plan_version: v.planVersion,
      kind: v.kind,
      number: v.number,
      issued_on: v.issuedOn,
      title: v.title,
      signatory: v.signatory,
      created_at: v.createdAt,
    })
    .execute();
}

export async function verificationByCode(q: Kysely<DatabaseSchema>, code: string): Promise<Verification | undefined> {
  const r = await q.selectFrom("decree_verifications").select(COLUMNS).where("code", "=", code).executeTakeFirst();
  return r ? toVerification(r) : undefined;
}

/** The verification of a plan's approved version (the decree printed from that version). */
export async function verificationOfVersion(q: Kysely<DatabaseSchema>, planId: string, version: number, kind = "sk"): Promise<Verification | undefined> {
  const r = await q.selectFrom("decree_verifications").select(COLUMNS).where("plan_id", "=", planId).where("plan_version", "=", version).where("kind", "=", kind).executeTakeFirst();
  return r ? toVerification(r) : undefined;
}

/** The archive copy's bytes, or undefined while it is not written. */
export async function archivedFile(q: Kysely<DatabaseSchema>, code: string): Promise<Uint8Array | undefined> {
  const r = await q.selectFrom("decree_verifications").select("file").where("code", "=", code).executeTakeFirst();
  return r?.file ? new Uint8Array(Buffer.from(r.file, "base64")) : undefined;
}

/** Writes the archive copy once: a second writer (another server, a retry) leaves the first copy and hash in place. */
export async function storeArchive(q: Kysely<DatabaseSchema>, code: string, archive: { file: Uint8Array; sha256: string; signed: boolean; at: string }): Promise<boolean> {
  const r = await q
    .updateTable("decree_verifications")
    .set({ file: Buffer.from(archive.file).toString("base64"), sha256: archive.sha256, signed: archive.signed ? 1 : 0, archived_at: archive.at })
    .where("code", "=", code)
    .where("file", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- the organisation's signing certificate ----

export type SealedCertificate = { sealedP12: string; sealedPassphrase: string; subject: string; issuer: string; validFrom: string; validTo: string; uploadedBy: string | null; uploadedAt: string };
export type CertificateSummary = Omit<SealedCertificate, "sealedP12" | "sealedPassphrase">;

export async function saveSigningCertificate(q: Kysely<DatabaseSchema>, organizationId: string, c: SealedCertificate): Promise<void> {
  const values = {
    sealed_p12: c.sealedP12,
    sealed_passphrase: c.sealedPassphrase,
    subject: c.subject,
    issuer: c.issuer,
    valid_from: c.validFrom,
    valid_to: c.validTo,
    uploaded_by: c.uploadedBy,
    uploaded_at: c.uploadedAt,
  };
  await q
    .insertInto("organization_signing_certificates")
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column("organization_id").doUpdateSet(values))
    .execute();
}

export async function deleteSigningCertificate(q: Kysely<DatabaseSchema>, organizationId: string): Promise<boolean> {
  const r = await q.deleteFrom("organization_signing_certificates").where("organization_id", "=", organizationId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** What may be shown of the certificate: never the key, the file or the passphrase. */
export async function signingCertificateSummary(q: Kysely<DatabaseSchema>, organizationId: string): Promise<CertificateSummary | undefined> {
  const r = await q
    .selectFrom("organization_signing_certificates")
    .select(["subject", "issuer", "valid_from", "valid_to", "uploaded_by", "uploaded_at"])
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  return r ? { subject: r.subject, issuer: r.issuer, validFrom: r.valid_from, validTo: r.valid_to, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at } : undefined;
}

/** The sealed certificate, for signing on the server only. */
export async function sealedSigningCertificate(q: Kysely<DatabaseSchema>, organizationId: string): Promise<{ sealedP12: string; sealedPassphrase: string } | undefined> {
  const r = await q.selectFrom("organization_signing_certificates").select(["sealed_p12", "sealed_passphrase"]).where("organization_id", "=", organizationId).executeTakeFirst();
  return r ? { sealedP12: r.sealed_p12, sealedPassphrase: r.sealed_passphrase } : undefined;
}
