import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeFindings } from "../findings.js";
import { emptyPlan } from "../plan/empty.js";
import type { Plan } from "../plan/schema.js";
import { validatePlan, validatePlanText } from "../plan/validate.js";
import { EMPTY_STANDARD, formatCost, formatDuration, hasComponent, isAdopted, maklumatSigner, prefilledStandard, serviceSlug, slugify } from "./standard.js";
import { COMPONENTS } from "./standard-schema.js";

const example = (): Plan => {
  const r = validatePlanText(readFileSync(new URL("../../../examples/adminduk-keliling-lansia.json", import.meta.url), "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
};

const bare = (): Plan => emptyPlan({ title: "Layanan Uji", fiscalYear: 2027, organizationName: "Dinas Uji" });

describe("the service standard section", () => {
  it("lists the 14 components of UU 25/2009 art. 21 in two groups", () => {
    expect(COMPONENTS.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(COMPONENTS.filter((c) => c.group === "penyampaian").map((c) => c.no)).toEqual([2, 3, 4, 5, 6, 10]);
    expect(COMPONENTS.filter((c) => c.group === "pengelolaan")).toHaveLength(8);
  });

  it("is optional: a plan without it validates and gets one info finding", () => {
    const fs = computeFindings(bare()).filter((f) => f.stage === "standar-pelayanan");
    expect(fs).toEqual([expect.objectContaining({ code: "serviceStandard.missing", severity: "info" })]);
  });

  it("the example's standard is complete: no warning", () => {
    const plan = example();
    expect(computeFindings(plan).filter((f) => f.stage === "standar-pelayanan" && f.severity !== "info")).toEqual([]);
    expect(isAdopted(plan)).toBe(true);
    expect(serviceSlug(plan)).toBe("adminduk-keliling");
  });

  it("names each missing component", () => {
    const plan = { ...bare(), serviceStandard: { ...EMPTY_STANDARD, requirements: ["KTP"], cost: { amount: 0 } } };
    const missing = computeFindings(plan).filter((f) => f.code === "serviceStandard.component.missing");
    // 14 minus requirements and cost; jumlah pelaksana has no team to be pre-filled from.
    expect(missing.map((f) => f.ref)).toEqual(COMPONENTS.map((c) => c.key).filter((k) => k !== "requirements" && k !== "cost"));
    const time = missing.find((f) => f.ref === "completionTime")!;
    expect(time).toMatchObject({ severity: "warning", path: "serviceStandard.completionTime" });
    expect(time.message.id).toBe('komponen 4 "Jangka waktu penyelesaian" standar pelayanan belum diisi');
  });

  it("pre-fills jumlah pelaksana from the team and sarana prasarana from the facility resources", () => {
    const plan = example();
    const s = prefilledStandard(plan);
    expect(s.staffCount).toBe(plan.team.length);
    expect(s.facilities).toEqual(plan.resources.filter((r) => r.kind === "facility").map((r) => r.name));
    expect(s.facilities).toContain("Kendaraan pelayanan keliling");
    // What the standard itself says wins over the pre-fill.
    const own = prefilledStandard({ ...plan, serviceStandard: { ...plan.serviceStandard!, staffCount: 3, facilities: ["Mobil"] } });
    expect([own.staffCount, own.facilities]).toEqual([3, ["Mobil"]]);
    // A plan without a standard still gets one to render from.
    const none = prefilledStandard({ ...plan, serviceStandard: undefined });
    expect(hasComponent(none, "complaints")).toBe(true);
    expect(none.complaints?.phone).toBe(plan.organization.phone);
  });

  it("formats time, cost and the maklumat's signer", () => {
    expect(formatDuration({ value: 7, unit: "hari-kerja" })).toBe("7 hari kerja");
    expect(formatDuration({ value: 1.5, unit: "jam" })).toBe("1,5 jam");
    expect(formatCost({ amount: 0 })).toBe("Rp0 / gratis");
    expect(formatCost({ amount: 1_500_000 })).toBe("Rp1.500.000");
    const plan = example();
    expect(maklumatSigner(plan).name).toBe("Drs. H. Bambang Sutrisno, M.Si.");
    const p2 = { ...bare(), decree: { ...bare().decree, signatory: { name: "Ani", position: "Kepala Dinas Uji" } } };
    expect(maklumatSigner(p2)).toEqual({ name: "Ani", position: "Kepala Dinas Uji" });
    expect(slugify("Pelayanan KTP-el (Keliling) — Lansia")).toBe("pelayanan-ktp-el-keliling-lansia");
  });

  it("refuses a bad slug, an unknown unit and duplicate ids with paths", () => {
    const plan = example() as unknown as { serviceStandard: Record<string, unknown> };
    const s = plan.serviceStandard as { slug: string; completionTime: { unit: string }; procedure: { id: string }[] };
    s.slug = "Bukan Slug!";
    s.completionTime.unit = "minggu";
    s.procedure[1]!.id = s.procedure[0]!.id;
    const r = validatePlan(plan);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.path).sort()).toEqual(["serviceStandard.completionTime.unit", "serviceStandard.slug"]);
    s.slug = "ok";
    s.completionTime.unit = "hari";
    const r2 = validatePlan(plan);
    expect(r2.errors).toEqual([expect.objectContaining({ path: "serviceStandard.procedure[1].id", code: "id.duplicate" })]);
  });

  it("reports a forum input without follow-up (the berita acara is incomplete)", () => {
    const plan = example();
    plan.serviceStandard!.process!.forum!.inputs[1]!.followUp = "";
    const f = computeFindings(plan).find((x) => x.code === "serviceStandard.forum.input.followUp.missing");
    expect(f).toMatchObject({ ref: "m2", path: "serviceStandard.process.forum.inputs[1].followUp" });
  });
});
