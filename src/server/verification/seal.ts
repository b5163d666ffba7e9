// The signing certificate at rest: AES-256-GCM under a key derived from the server's secret
// (RENCANA_SECRET_KEY), so a copy of the database alone does not give the private key away.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const keyOf = (secret: string) => createHash("sha256").update(`rencana-layanan:signing:${secret}`).digest();

export function seal(secret: string, plain: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

/** The plain bytes, or null when the secret is not the one it was sealed with (or the text was changed). */
export function unseal(secret: string, sealed: string): Uint8Array | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]));
  } catch {
    return null;
  }
}
