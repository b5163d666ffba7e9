// PAdES signature of an approved PDF with the organisation's PKCS#12 certificate (@signpdf:
// a placeholder added to the finished PDF by plain string edits, then a detached CMS signature,
// sub-filter ETSI.CAdES.detached). poppler's pdfsig verifies the result (pades.test.ts).
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { P12Signer } from "@signpdf/signer-p12";
import signpdfModule from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import forge from "node-forge";

export type SigningCertificate = { p12: Uint8Array; passphrase: string };
export type CertificateInfo = { subject: string; issuer: string; validFrom: string; validTo: string };

export class CertificateError extends Error {
  constructor(readonly reason: "unreadable" | "no_key" | "expired") {
    super(reason);
  }
}

type SignPdf = { sign(pdf: Buffer, signer: P12Signer, signingTime?: Date): Promise<Buffer> };
/** The CommonJS default export, however the loader (Node, tsx, vitest) wraps it. */
const signpdf: SignPdf = ((m: unknown) => ((m as { sign?: unknown }).sign ? m : (m as { default: unknown }).default))(signpdfModule) as SignPdf;

const dn = (attrs: forge.pki.CertificateField[]) => attrs.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(", ");

/** Opens the PKCS#12 file: its certificate's subject, issuer and validity; refuses one without a private key or out of date. */
export function readCertificate(cert: SigningCertificate, now = new Date()): CertificateInfo {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.binary.raw.encode(cert.p12)), false, cert.passphrase);
  } catch {
    throw new CertificateError("unreadable");
  }
  const bags = (oid: string | undefined) => (oid ? (p12.getBags({ bagType: oid })[oid] ?? []) : []);
  const keys = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)];
  const certificate = bags(forge.pki.oids.certBag)[0]?.cert;
  if (keys.length === 0 || !certificate) throw new CertificateError("no_key");
  if (certificate.validity.notAfter < now || certificate.validity.notBefore > now) throw new CertificateError("expired");
  return {
    subject: dn(certificate.subject.attributes),
    issuer: dn(certificate.issuer.attributes),
    validFrom: certificate.validity.notBefore.toISOString(),
    validTo: certificate.validity.notAfter.toISOString(),
  };
}

/** The PDF signed (PAdES, ETSI.CAdES.detached) with the certificate; `reason` and `location` go into the signature dictionary. */
export async function signPdf(pdf: Uint8Array, cert: SigningCertificate, details: { reason: string; location: string; name: string; signingTime?: Date }): Promise<Uint8Array> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: details.reason,
    contactInfo: "",
    name: details.name,
    location: details.location,
    signatureLength: 16_384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Rencana Layanan",
    ...(details.signingTime ? { signingTime: details.signingTime } : {}),
  });
  const signer = new P12Signer(Buffer.from(cert.p12), { passphrase: cert.passphrase });
  const signed = await signpdf.sign(withPlaceholder, signer, details.signingTime);
  return new Uint8Array(signed);
}
