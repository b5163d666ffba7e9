import { describe, expect, it } from "vitest";
import { adminHref, parseRoute } from "./router.js";

describe("router", () => {
  it("reads the administration screens and writes their addresses back", () => {
    expect(parseRoute("/admin/pengguna")).toEqual({ name: "admin", page: "users" });
    expect(parseRoute("/admin/unit/")).toEqual({ name: "admin", page: "units" });
    expect(parseRoute("/admin/pengaturan")).toEqual({ name: "admin", page: "settings" });
    for (const page of ["users", "units", "settings"] as const) expect(parseRoute(adminHref(page))).toEqual({ name: "admin", page });
  });
  it("does not take an unknown or inherited name for a screen", () => {
    expect(parseRoute("/admin/rahasia")).toEqual({ name: "notFound" });
    expect(parseRoute("/admin/toString")).toEqual({ name: "notFound" });
    expect(parseRoute("/admin")).toEqual({ name: "notFound" });
  });
  it("keeps the plan routes", () => {
    expect(parseRoute("/")).toEqual({ name: "list" });
    expect(parseRoute("/plans/abc/jadwal")).toEqual({ name: "workspace", planId: "abc", stage: "jadwal" });
  });
});
