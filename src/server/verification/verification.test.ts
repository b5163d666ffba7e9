// Issue 10, item 5 through the API on both databases: a draft's decree says KONSEP; approving
// stores a verification (unguessable code) and the archive copy; the approved PDF is that copy
// (its SHA-256 is what the public page shows), its QR code opens the public page; the page and
// its JSON need no sign-in and show nothing else; with the organisation's PKCS#12 uploaded the
// archive copy is PAdES-signed and pdfsig verifies it; the certificate is never returned.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../store/database.js";
import { createOrganization, createUser, signIn, type TestClient } from "../../test-support/auth.js";
import { makeTestCertificate } from "../../test-support/certificate.js";
import { testDatabases } from "../../test-support/databases.js";
import { minimalPlan } from "../../test-support/fixtures.js";
import { openMigrated } from "../../test-support/open-store.js";
import { readPdfQr } from "../../test-support/pdf-qr.js";
import { buildApp } from "../app.js";

const run = promisify(execFile);
const DAY_MS = 24 * 3_600_000;

async function pdfTool(tool: "pdftotext" | "pdfsig", bytes: Uint8Array, args: string[] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rl-verif-"));
  await writeFile(join(dir, "d.pdf"), bytes);
  try {
    const { stdout, stderr } = await run(tool, [...args, join(dir, "d.pdf"), ...(tool === "pdftotext" ? ["-"] : [])], { maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ""}${err.stderr ?? ""}`;
  }
}

for (const target of testDatabases()) {
  describe.skipIf(!target.available)(`decree verification on ${target.dialect}`, () => {
    let database: Database;
    let app: FastifyInstance;
    const clock = Date.parse("2027-03-10T03:00:00Z");

    beforeAll(async () => {
      database = (await openMigrated(target)).database;
      app = await buildApp({
        db: database,
        webRoot: false,
        secretKey: "kunci-rahasia-uji-verifikasi",
        auth: { now: () => clock, idleTimeoutMs: 3650 * DAY_MS, absoluteTimeoutMs: 3650 * DAY_MS, signinRequestsPerMinute: 10_000, documentsPerMinute: 10_000 },
      });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    type Office = { admin: TestClient; penyusun: TestClient; reviewer: TestClient; signatory: TestClient };
    async function office(): Promise<Office> {
      const org = await createOrganization(database);
      const client = async (roles: ("admin" | "penyusun" | "pemeriksa" | "penandatangan")[], name: string) => signIn(app, (await createUser(database, org.id, roles, name)).email);
      return {
        admin: await client(["admin"], "Admin Uji"),
        penyusun: await client(["penyusun"], "Budi Santoso"),
        reviewer: await client(["pemeriksa"], "Rina Pemeriksa"),
        signatory: await client(["penandatangan"], "Dra. Siti Aminah"),
      };
    }

    async function approvedPlan(o: Office): Promise<string> {
      const created = await o.penyusun.inject({ method: "POST", url: "/api/plans", payload: minimalPlan({ title: "Rencana verifikasi" }) });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const team = await o.penyusun.inject({
        method: "PUT",
        url: `/api/plans/${id}/team`,
        payload: { members: [{ userId: o.penyusun.user.id, role: "penyusun" }, { userId: o.reviewer.user.id, role: "pemeriksa", position: 1 }, { userId: o.signatory.user.id, role: "penandatangan" }] },
      });
      expect(team.statusCode, team.body).toBe(200);
      // A draft's decree and plan book say KONSEP.
      const draft = await o.penyusun.inject({ method: "GET", url: `/api/plans/${id}/documents/sk.pdf` });
      expect(draft.statusCode).toBe(200);
      expect(await pdfTool("pdftotext", draft.rawPayload)).toContain("KONSEP");
      for (const [who, action] of [[o.penyusun, "submit"], [o.reviewer, "initial"], [o.signatory, "approve"]] as const) {
        const r = await who.inject({ method: "POST", url: `/api/plans/${id}/${action}` });
        expect(r.statusCode, r.body).toBe(200);
      }
      return id;
    }

    it("an approved decree's PDF is its archive copy: hash, QR code and public page agree; nothing else is exposed", async () => {
      const o = await office();
      const id = await approvedPlan(o);
      const pdf = await o.penyusun.inject({ method: "GET", url: `/api/plans/${id}/documents/sk.pdf` });
      expect(pdf.statusCode, pdf.body).toBe(200);
      const code = String(pdf.headers["x-verification-code"]);
      expect(code).toMatch(/^[A-Z0-9]{24}$/);
      const bytes = new Uint8Array(pdf.rawPayload);
      const text = (await pdfTool("pdftotext", bytes, ["-layout"])).replace(/\s+/g, " ");
      expect(text).not.toContain("KONSEP");
      expect(text).toContain("PARAF KOORDINASI");
      expect(text).toMatch(/Rina Pemeriksa\s+RP\s+10 Maret 2027/);
      // The QR code, read from the rendered page, opens the public page.
      const url = await readPdfQr(bytes, 1);
      expect(url).toMatch(new RegExp(`^http://localhost(:80)?/verifikasi/${code}$`));
      const path = new URL(url!).pathname;
      const page = await app.inject({ method: "GET", url: path });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      const sha = createHash("sha256").update(bytes).digest("hex");
      expect(page.body).toContain(sha);
      expect(page.body).toContain("Dra. Siti Aminah");
      // The JSON: exactly these fields, no sign-in.
      const json = await app.inject({ method: "GET", url: `/api/verifications/${code.toLowerCase()}` });
      expect(json.statusCode).toBe(200);
      const body = json.json<Record<string, unknown>>();
      expect(Object.keys(body).sort()).toEqual(["code", "issuedOn", "number", "sha256", "signatory", "signed", "title"]);
      expect(body.sha256).toBe(sha);
      expect(body.issuedOn).toBe("2027-03-10");
      expect(page.body).toContain(String(body.number));
      expect(page.body).toContain(String(body.title));
      // A second download is the same file.
      const again = await o.penyusun.inject({ method: "GET", url: `/api/plans/${id}/documents/sk.pdf` });
      expect(createHash("sha256").update(again.rawPayload).digest("hex")).toBe(sha);
      // An unknown or malformed code is 404.
      expect((await app.inject({ method: "GET", url: `/verifikasi/${"A".repeat(24)}` })).statusCode).toBe(404);
      expect((await app.inject({ method: "GET", url: "/verifikasi/%3Cscript%3E" })).statusCode).toBe(404);
      expect((await app.inject({ method: "GET", url: `/api/verifications/${"B".repeat(24)}` })).statusCode).toBe(404);
    }, 180_000);

    it("with the organisation's PKCS#12 uploaded, the archive copy is PAdES-signed and pdfsig verifies it; the certificate is never returned", async () => {
      const o = await office();
      const cert = await makeTestCertificate("Dinas Uji Penandatangan");
      const p12Base64 = Buffer.from(cert.p12).toString("base64");
      const wrong = await o.admin.inject({ method: "PUT", url: "/api/organization/signing-certificate", payload: { p12Base64, passphrase: "salah" } });
      expect(wrong.statusCode, wrong.body).toBe(400);
      expect(wrong.body).toContain('"passphrase"');
      expect((await o.penyusun.inject({ method: "PUT", url: "/api/organization/signing-certificate", payload: { p12Base64, passphrase: cert.passphrase } })).statusCode).toBe(403);
      const up = await o.admin.inject({ method: "PUT", url: "/api/organization/signing-certificate", payload: { p12Base64, passphrase: cert.passphrase } });
      expect(up.statusCode, up.body).toBe(200);
      const got = await o.admin.inject({ method: "GET", url: "/api/organization/signing-certificate" });
      expect(got.json().certificate.subject).toContain("CN=Dinas Uji Penandatangan");
      for (const body of [up.body, got.body]) {
        expect(body).not.toContain(p12Base64.slice(0, 40));
        expect(body).not.toContain(cert.passphrase);
      }
      const stored = await database.db.selectFrom("organization_signing_certificates").selectAll().executeTakeFirstOrThrow();
      expect(stored.sealed_p12).not.toContain(p12Base64.slice(0, 40));
      expect(stored.sealed_passphrase).not.toContain(cert.passphrase);

      const id = await approvedPlan(o);
      const pdf = await o.penyusun.inject({ method: "GET", url: `/api/plans/${id}/documents/sk.pdf` });
      const out = await pdfTool("pdfsig", new Uint8Array(pdf.rawPayload));
      expect(out).toMatch(/Signature Validation: Signature is Valid/);
      expect(out).toContain("Dinas Uji Penandatangan");
      const code = String(pdf.headers["x-verification-code"]);
      const json = (await app.inject({ method: "GET", url: `/api/verifications/${code}` })).json();
      expect(json.signed).toBe(true);
      expect(json.sha256).toBe(createHash("sha256").update(pdf.rawPayload).digest("hex"));
    }, 180_000);
  });
}
