import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "./trust-proxy.js";

describe("parseTrustProxy (D5)", () => {
  it("trusts nobody by default, a number of hops, or a list of proxy addresses", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("0")).toBe(false);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10.0.0.5, 10.0.1.0/24,::1")).toEqual(["10.0.0.5", "10.0.1.0/24", "::1"]);
  });

  it("never believes anyone: 'true', '*' and malformed lists are refused", () => {
    for (const v of ["true", "*", "yes", "10.0.0.0/0", "10.0.0.5/33", "proxy.local", "1.2.3.4/8/9"]) expect(() => parseTrustProxy(v), v).toThrow(/RENCANA_TRUST_PROXY/);
  });
});
