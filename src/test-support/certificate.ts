// A throw-away self-signed signing certificate as PKCS#12, made by openssl (tests only).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function makeTestCertificate(commonName: string, passphrase = "sandi-sertifikat-uji"): Promise<{ p12: Uint8Array; passphrase: string; pem: string }> {
  const dir = await mkdtemp(join(tmpdir(), "rl-cert-"));
  try {
    const key = join(dir, "key.pem");
    const crt = join(dir, "crt.pem");
    const p12 = join(dir, "cert.p12");
    await run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt, "-days", "3650", "-subj", `/C=ID/O=Rencana Layanan Uji/CN=${commonName}`]);
    // PBE/MAC algorithms node-forge reads (OpenSSL 3 defaults to AES/SHA-256, which it also reads; keep the classic ones for safety).
    await run("openssl", ["pkcs12", "-export", "-inkey", key, "-in", crt, "-out", p12, "-passout", `pass:${passphrase}`, "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"]);
    return { p12: new Uint8Array(await readFile(p12)), passphrase, pem: await readFile(crt, "utf8") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
