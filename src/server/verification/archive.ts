// The archive copy of an approved decree: rendered once after the approval commits (one at a
// time, in the background, so approving stays quick and never competes with downloads), with
// the verification footer and the paraf koordinasi, signed (PAdES) where the organisation has a
// certificate, hashed (SHA-256) and stored with its verification row. A download or a restart
// that finds no copy yet writes it then; the first copy written is the one kept.
import { createHash } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import { parafRows } from "../../domain/decree/paraf.js";
import { applyOrganizationSettings, readOrganizationSettings } from "../../domain/organization/settings.js";
import { verificationUrl, type DocumentMarks } from "../../documents/marks/marks.js";
import type { Database } from "../../store/database.js";
import type { PeopleRepo } from "../../store/people-repo.js";
import type { PlansRepo } from "../../store/plans-repo.js";
import { archivedFile, sealedSigningCertificate, storeArchive, verificationByCode, type Verification } from "../../store/verification-repo.js";
import { listWorkflowEvents } from "../../store/workflow-repo.js";
import type { RenderPool } from "../documents/render-pool.js";
import { unseal } from "./seal.js";

export type Archiver = {
  /** Queue the archive copy of this verification (after the approval committed). */
  schedule(code: string, publicUrl: string): void;
  /** The archive copy, written now when it is missing. */
  ensure(code: string, publicUrl: string): Promise<Uint8Array>;
  /** The marks an approved version's documents carry (verification footer and paraf). */
  marksOf(v: Verification, publicUrl: string): Promise<DocumentMarks>;
  close(): Promise<void>;
};

export type ArchiverOptions = { database: Database; repo: PlansRepo; people: PeopleRepo; pool: RenderPool; secretKey: string | undefined; log: FastifyBaseLogger; now: () => number };

export function archiver({ database, repo, people, pool, secretKey, log, now }: ArchiverOptions): Archiver {
  const db = database.db;
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  /** Copies being written: a download during the background write waits for it instead of rendering again. */
  const writing = new Map<string, Promise<Uint8Array>>();

  function once(code: string, publicUrl: string): Promise<Uint8Array> {
    const running = writing.get(code);
    if (running) return running;
    const started = write(code, publicUrl).finally(() => writing.delete(code));
    writing.set(code, started);
    return started;
  }

  async function marksOf(v: Verification, publicUrl: string): Promise<DocumentMarks> {
    const revision = await repo.getRevision(v.planId, v.planVersion);
    const events = (await listWorkflowEvents(db, v.planId)).filter((e) => e.version <= v.planVersion);
    const users = await people.usersByIds([...new Set(events.map((e) => e.userId))]);
    return {
      verification: { code: v.code, url: verificationUrl(publicUrl, v.code) },
      paraf: revision ? parafRows(revision.plan, events, users) : [],
    };
  }

  async function write(code: string, publicUrl: string): Promise<Uint8Array> {
    const existing = await archivedFile(db, code);
    if (existing) return existing;
    const v = await verificationByCode(db, code);
    if (!v) throw new Error(`no verification ${code}`);
    const revision = await repo.getRevision(v.planId, v.planVersion);
    if (!revision) throw new Error(`plan ${v.planId} has no version ${v.planVersion}`);
    const organization = await people.getOrganization(v.organizationId);
    const plan = applyOrganizationSettings(revision.plan, readOrganizationSettings(organization?.settings));
    const doc = await pool.render(`archive:${v.planId}`, "sk", "pdf", plan, { publicUrl, marks: await marksOf(v, publicUrl) });
    let bytes = doc.bytes;
    let signed = false;
    const sealed = await sealedSigningCertificate(db, v.organizationId);
    if (sealed && secretKey) {
      const p12 = unseal(secretKey, sealed.sealedP12);
      const passphrase = unseal(secretKey, sealed.sealedPassphrase);
      if (p12 && passphrase) {
        // Loaded only where an organisation signs: the signing libraries stay off every other path.
        const { signPdf } = await import("../../documents/signing/pades.js");
        bytes = await signPdf(bytes, { p12, passphrase: Buffer.from(passphrase).toString("utf8") }, { reason: `Keputusan Nomor ${v.number}`, location: plan.decree.place, name: v.signatory });
        signed = true;
      } else log.warn({ organizationId: v.organizationId }, "signing certificate cannot be opened with this RENCANA_SECRET_KEY; archive copy left unsigned");
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (await storeArchive(db, code, { file: bytes, sha256, signed, at: new Date(now()).toISOString() })) return bytes;
    return (await archivedFile(db, code)) ?? bytes; // another server wrote it first: theirs is the copy
  }

  return {
    schedule(code, publicUrl) {
      chain = chain.then(async () => {
        if (closed) return;
        try {
          await once(code, publicUrl);
        } catch (e) {
          log.warn({ err: e, code }, "archive copy not written yet; it will be written at its first download");
        }
      });
    },
    ensure: (code, publicUrl) => once(code, publicUrl),
    marksOf,
    async close() {
      closed = true;
      await chain;
    },
  };
}
