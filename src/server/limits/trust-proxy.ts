// Which proxies may tell us the client's address (X-Forwarded-For): a number of hops or a list
// of proxy addresses/CIDRs, never "believe anyone" — a client could otherwise pick the address
// that rate limits and sign-in throttling key on.
import { isIP } from "node:net";

export type TrustProxy = false | number | string[];

/**
 * Reads RENCANA_TRUST_PROXY: empty → trust none; "1", "2" → that many proxy hops in front of us;
 * "10.0.0.5,10.0.1.0/24" → only those addresses. Anything else ("true", "*") is refused.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "0") return false;
  if (/^[1-9][0-9]?$/.test(v)) return Number(v);
  const list = v.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const valid = (s: string) => {
    const [address, bits, extra] = s.split("/");
    if (extra !== undefined || !address || isIP(address) === 0) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return /^\d+$/.test(bits) && n >= 8 && n <= (isIP(address) === 4 ? 32 : 128);
  };
  if (list.length === 0 || !list.every(valid)) {
    throw new Error(
      `RENCANA_TRUST_PROXY="${v}" tidak sah: isi jumlah proxy (mis. 1) atau daftar alamat proxy (mis. 10.0.0.5,10.0.1.0/24) / ` +
        `invalid: give the number of proxies (e.g. 1) or a list of proxy addresses (e.g. 10.0.0.5,10.0.1.0/24)`,
    );
  }
  return list;
}

/** Fastify's option: a hop count as proxy-addr's trust function (the nearest `hops` senders). */
export function fastifyTrustProxy(t: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof t === "number" ? (_address: string, hop: number) => hop < t : t;
}
