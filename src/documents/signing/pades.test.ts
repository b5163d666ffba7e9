// The approved decree's PDF signed with a PKCS#12 certificate made here by openssl, verified by
// poppler's pdfsig; a changed byte breaks the signature; a wrong passphrase is refused.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { renderDocument } from "../index.js";
import { examplePlan } from "../test-plans.js";
import { makeTestCertificate } from "../../test-support/certificate.js";
import { CertificateError, readCertificate, signPdf } from "./pades.js";

const run = promisify(execFile);

async function pdfsig(bytes: Uint8Array): Promise<{ code: number; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), "rl-pdfsig-"));
  await writeFile(join(dir, "s.pdf"), bytes);
  try {
    const { stdout, stderr } = await run("pdfsig", [join(dir, "s.pdf")]);
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

let cert: { p12: Uint8Array; passphrase: string; pem: string };
beforeAll(async () => {
  cert = await makeTestCertificate("Dinas Kependudukan Uji");
});

describe("PAdES signature", () => {
  it("reads the certificate's subject and refuses a wrong passphrase", () => {
    expect(readCertificate(cert).subject).toContain("CN=Dinas Kependudukan Uji");
    expect(() => readCertificate({ p12: cert.p12, passphrase: "salah" })).toThrow(CertificateError);
    expect(() => readCertificate({ p12: new Uint8Array([1, 2, 3]), passphrase: "x" })).toThrow(CertificateError);
  });

  it("pdfsig verifies the signed approved decree; one changed byte breaks it", async () => {
    const pdf = (await renderDocument("sk", "pdf", examplePlan(), { marks: { verification: { code: "ABCDEFGHJKMNPQRSTVWX", url: "https://contoh.go.id/verifikasi/ABCDEFGHJKMNPQRSTVWX" } } })).bytes;
    const signed = await signPdf(pdf, cert, { reason: "Keputusan disetujui", location: "Karangsari", name: "Dinas Kependudukan Uji" });
    const ok = await pdfsig(signed);
    expect(ok.out).toContain("Signature #1");
    expect(ok.out).toMatch(/Signature Validation: Signature is Valid/);
    expect(ok.out).toContain("ETSI.CAdES.detached");
    expect(ok.out).toContain("Dinas Kependudukan Uji");
    // the signature covers the whole file but its own contents: change a byte of the page content
    const tampered = new Uint8Array(signed);
    const at = Buffer.from(signed).indexOf("MEMUTUSKAN");
    const i = at > 0 ? at : Math.floor(signed.length / 3);
    tampered[i] = tampered[i]! ^ 0x01;
    const bad = await pdfsig(tampered);
    expect(bad.out).not.toMatch(/Signature Validation: Signature is Valid/);
  }, 120_000);
});

