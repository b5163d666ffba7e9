import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeFindings } from "../findings.js";
import type { Plan } from "../plan/schema.js";
import { validatePlanText } from "../plan/validate.js";
import { assertDecreeAuthority, decreeAuthority, decreeFindings, DecreeAuthorityError } from "./authority.js";
import { decreeModel, EFFECTIVE_DICTUM } from "./model.js";
import { normalizeOffice, sameOffice, titleCaseOffice } from "./text.js";

function examplePlan(): Plan {
  const result = validatePlanText(readFileSync(new URL("../../../examples/adminduk-keliling-lansia.json", import.meta.url), "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

function withDecree(plan: Plan, change: (d: Plan["decree"]) => void): Plan {
  const copy = structuredClone(plan);
  change(copy.decree);
  return copy;
}

const codes = (plan: Plan) => decreeAuthority(plan).map((p) => `${p.severity}:${p.code}`);

describe("decreeModel", () => {
  it("says what the example decree says, in order", () => {
    const plan = examplePlan();
    const m = decreeModel(plan);
    expect(m.heading.title).toBe(`KEPUTUSAN ${plan.decree.issuerTitle}`);
    expect(m.heading.number).toBe(`NOMOR ${plan.decree.number}`);
    expect(m.heading.subject).toBe(plan.decree.subject?.toUpperCase());
    expect(m.issuerLine).toBe(`${plan.decree.issuerTitle},`);
    expect(m.considerations.map((c) => c.label)).toEqual(["a.", "b.", "c."]);
    expect(m.considerations.every((c) => c.text.startsWith("bahwa ") && c.text.endsWith(";"))).toBe(true);
    expect(m.legalBases.map((c) => c.label)).toEqual(plan.decree.legalBases.map((_, i) => `${i + 1}.`));
    expect(m.establishes).toMatch(/^KEPUTUSAN KEPALA DINAS .* TENTANG PEMBENTUKAN TIM .*\.$/);
    const ordinals = m.dictums.map((d) => d.ordinal);
    expect(ordinals.slice(0, 3)).toEqual(["KESATU", "KEDUA", "KETIGA"]);
    expect(m.dictums[0]?.text).toMatch(/^Membentuk Tim .*Lampiran/);
    // KEDUA names who does what: one point per member, in decree order.
    expect(m.dictums[1]?.points?.map((p) => p.text.replace(/:.*$/, ""))).toEqual(
      m.appendix.rows.map((r) => `${r.role} (${r.name})`),
    );
    expect(m.dictums[1]?.points?.[0]?.subpoints?.[0]?.text).toMatch(/^memberikan arahan kebijakan/);
    expect(m.dictums[3]?.text).toBe("Tim melaksanakan tugas dengan mekanisme kerja sebagai berikut:");
    expect(m.dictums[3]?.points?.map((p) => p.label)).toEqual(["a.", "b.", "c.", "d."]);
    expect(m.dictums[3]?.points?.[1]?.text).toBe("regu lapangan melapor harian melalui grup pesan tim (jumlah sasaran terlayani, blangko terpakai, kendala);");
    expect(m.appendix.columns).toEqual(["No", "Jabatan dalam Tim", "Nama/NIP", "Jabatan Dinas"]);
    expect(m.letterhead.kind).toBe("office");
    expect(m.dictums[m.dictums.length - 1]?.text).toBe(EFFECTIVE_DICTUM);
    // The plan words its own reporting dictum: it takes the third place and is not repeated.
    expect(m.dictums[2]?.text).toBe(plan.decree.dictums[0]);
    expect(m.dictums.filter((d) => /laporan kepada/.test(d.text))).toHaveLength(1);
    expect(m.signature.placeLine).toBe(`Ditetapkan di ${plan.decree.place}`);
    expect(m.signature.dateLine).toBe("pada tanggal 6 Januari 2027");
    expect(m.signature.nipLine).toMatch(/^NIP\. \d{8} \d{6} \d \d{3}$/);
    expect(m.copiesTo.items).toHaveLength(plan.decree.copiesTo.length);
    expect(m.copiesTo.items.at(-1)?.text.endsWith(".")).toBe(true);
    expect(m.appendix.title).toMatch(/^SUSUNAN KEANGGOTAAN TIM PELAKSANA /);
    expect(m.appendix.rows.map((r) => r.role)).toEqual(["Pengarah", "Penanggung Jawab", "Ketua", "Sekretaris", "Anggota", "Anggota", "Anggota", "Anggota"]);
    expect(m.page).toMatchObject({ paper: "F4", widthMm: 215, heightMm: 330, font: "Bookman Old Style", fontSizePt: 12 });
  });

  it("groups members of one role with the same duties, and words any procedure as a normative dictum", () => {
    const plan = examplePlan();
    const anggota = plan.team.filter((m) => m.role === "anggota");
    for (const a of anggota) a.duties = ["Melaksanakan pelayanan keliling;", "menyusun laporan"];
    const points = decreeModel(plan).dictums[1]?.points ?? [];
    expect(points.at(-1)?.text).toBe(`Anggota (${anggota.map((a) => a.name).join("; ")}):`);
    expect(points.at(-1)?.subpoints?.map((s) => s.text)).toEqual(["melaksanakan pelayanan keliling; dan", "menyusun laporan."]);
    plan.teamProcedures = "Rapat tim setiap Senin.";
    expect(decreeModel(plan).dictums[3]?.text).toBe("Tim melaksanakan tugas dengan mekanisme kerja sebagai berikut: rapat tim setiap Senin.");
    plan.teamProcedures = "- Rapat mingguan\n- Laporan bulanan kepada Kepala Dinas";
    expect(decreeModel(plan).dictums[3]?.points?.map((p) => p.text)).toEqual(["rapat mingguan; dan", "laporan bulanan kepada Kepala Dinas."]);
  });

  it("gives a Keputusan Bupati the kepala daerah's letterhead", () => {
    const plan = withDecree(examplePlan(), (d) => (d.issuerTitle = "Bupati Karangsari"));
    expect(decreeModel(plan).letterhead).toEqual({ kind: "head", office: "BUPATI KARANGSARI", contactLines: [] });
  });

  it("orders members by role whatever the plan's order", () => {
    const plan = examplePlan();
    plan.team.reverse();
    const roles = decreeModel(plan).appendix.rows.map((r) => r.role);
    expect(roles.indexOf("Pengarah")).toBe(0);
    expect(roles.lastIndexOf("Anggota")).toBe(roles.length - 1);
    expect(roles.indexOf("Ketua")).toBeLessThan(roles.indexOf("Sekretaris"));
  });

  it("writes the concluding consideration and default subject when the plan has neither", () => {
    const plan = withDecree(examplePlan(), (d) => {
      d.considerations = ["Bahwa pelayanan perlu didekatkan kepada lansia.", "bahwa perlu dibentuk tim", "bahwa tim perlu bekerja tertib;"];
      delete d.subject;
    });
    const m = decreeModel(plan);
    expect(m.considerations.map((c) => c.text)).toEqual([
      "bahwa pelayanan perlu didekatkan kepada lansia;",
      "bahwa perlu dibentuk tim;",
      "bahwa tim perlu bekerja tertib;",
      `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c, perlu menetapkan Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari tentang Pembentukan Tim Pelaksana ${plan.title};`,
    ]);
    expect(m.heading.subject).toBe(`PEMBENTUKAN TIM PELAKSANA ${plan.title.toUpperCase()}`);
  });

  it("numbers any count of dictums in words and keeps the effective date last", () => {
    const plan = withDecree(examplePlan(), (d) => {
      d.dictums = [EFFECTIVE_DICTUM, ...Array.from({ length: 20 }, (_, i) => `Ketentuan tambahan ${i + 1}`)];
    });
    const m = decreeModel(plan);
    expect(m.dictums.at(-1)?.text).toBe(EFFECTIVE_DICTUM);
    expect(m.dictums.filter((d) => d.text === EFFECTIVE_DICTUM)).toHaveLength(1);
    expect(m.dictums.map((d) => d.ordinal)).toContain("KEDUA PULUH SATU");
    expect(m.dictums[10]?.ordinal).toBe("KESEBELAS");
    expect(new Set(m.dictums.map((d) => d.ordinal)).size).toBe(m.dictums.length);
  });

  it("charges a budgeted team's costs to the unit's DPA when the plan names no funding", () => {
    const withFunding = decreeModel(examplePlan());
    expect(withFunding.dictums.filter((d) => /dibebankan/.test(d.text))).toHaveLength(1);
    const plan = withDecree(examplePlan(), (d) => (d.dictums = d.dictums.filter((x) => !/dibebankan/.test(x))));
    const m = decreeModel(plan);
    expect(m.dictums.at(-2)?.text).toBe(`Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Dokumen Pelaksanaan Anggaran ${plan.organization.name} Tahun Anggaran ${plan.fiscalYear}.`);
    expect(m.dictums.at(-1)?.text).toBe(EFFECTIVE_DICTUM);
    plan.budget = [];
    expect(decreeModel(plan).dictums.some((d) => /dibebankan/.test(d.text))).toBe(false);
  });

  it("writes Plt., Plh. and a.n. signature lines", () => {
    const base = examplePlan();
    const plt = decreeModel(withDecree(base, (d) => (d.signatory.capacity = "plt"))).signature.officeLines;
    expect(plt).toEqual([`Plt. ${base.decree.issuerTitle},`]);
    const plh = decreeModel(withDecree(base, (d) => (d.signatory.capacity = "plh"))).signature.officeLines;
    expect(plh).toEqual([`Plh. ${base.decree.issuerTitle},`]);
    const an = decreeModel(
      withDecree(base, (d) => {
        d.issuerTitle = "BUPATI KARANGSARI";
        d.signatory = { name: "Ir. Suharto", position: "Sekretaris Daerah", capacity: "an", onBehalfOf: "Bupati Karangsari" };
      }),
    ).signature;
    expect(an.officeLines).toEqual(["a.n. BUPATI KARANGSARI", "SEKRETARIS DAERAH,"]);
    expect(an.nipLine).toBeUndefined();
  });

  it("leaves blanks for a draft's number and date", () => {
    const m = decreeModel(
      withDecree(examplePlan(), (d) => {
        delete d.number;
        delete d.date;
      }),
    );
    expect(m.heading.number).toMatch(/^NOMOR \.{5,}$/);
    expect(m.signature.dateLine).toMatch(/^pada tanggal \.{5,}$/);
  });
});

describe("decreeAuthority", () => {
  it("accepts the example: the head of office signs, and is the pengarah", () => {
    expect(codes(examplePlan()).filter((c) => c.startsWith("error"))).toEqual([]);
  });

  it("compares offices regardless of case, punctuation and abbreviations", () => {
    expect(sameOffice("Kepala Dinas Kependudukan dan Pencatatan Sipil Kab. X", "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN X")).toBe(true);
    expect(sameOffice("Plt. Kepala Dinas Sosial", "KEPALA DINAS SOSIAL")).toBe(true);
    expect(sameOffice("Sekretaris Dinas Sosial", "KEPALA DINAS SOSIAL")).toBe(false);
    expect(normalizeOffice("")).toBe("");
    expect(titleCaseOffice("KEPALA UPTD PUSKESMAS SUKAMAJU DAN RSUD")).toBe("Kepala UPTD Puskesmas Sukamaju dan RSUD");
  });

  it("refuses a signatory whose position does not hold the issuing office", () => {
    const plan = withDecree(examplePlan(), (d) => (d.signatory.position = "Sekretaris Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari"));
    expect(codes(plan)).toContain("error:decree.signatory.notIssuer");
    expect(() => assertDecreeAuthority(plan)).toThrow(DecreeAuthorityError);
    expect(() => assertDecreeAuthority(plan)).toThrow(/tidak memegang kewenangan/);
  });

  it("requires a.n. to name the issuing office", () => {
    const missing = withDecree(examplePlan(), (d) => {
      d.signatory.capacity = "an";
      d.signatory.position = "Sekretaris Dinas";
      d.signatory.level = "administrator";
    });
    expect(codes(missing)).toContain("error:decree.signatory.onBehalfOfMissing");
    const wrong = withDecree(missing, (d) => (d.signatory.onBehalfOf = "Bupati Karangsari"));
    expect(codes(wrong)).toContain("error:decree.signatory.onBehalfOfNotIssuer");
    const right = withDecree(missing, (d) => (d.signatory.onBehalfOf = "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari"));
    expect(codes(right).filter((c) => c.startsWith("error"))).toEqual([]);
  });

  it("refuses a team member below the pengarah as signatory, by NIP or by name", () => {
    const base = examplePlan();
    const ketua = base.team.find((m) => m.role === "ketua")!;
    const byNip = withDecree(base, (d) => {
      d.signatory.name = "Seseorang Lain";
      d.signatory.nip = ketua.nip!.replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, "$1 $2 $3 $4");
    });
    expect(codes(byNip)).toContain("error:decree.signatory.teamMember");
    const byName = withDecree(base, (d) => {
      d.signatory.name = `Dr. ${ketua.name.split(",")[0]}`;
      delete d.signatory.nip;
    });
    const problems = decreeAuthority(byName).filter((p) => p.code === "decree.signatory.teamMember");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.ref).toBe(ketua.id);
    // Same name but a different NIP is a different person.
    const namesake = withDecree(base, (d) => {
      d.signatory.name = ketua.name;
      d.signatory.nip = "197001011990031001";
    });
    expect(codes(namesake)).not.toContain("error:decree.signatory.teamMember");
  });

  it("only warns about a missing number or date", () => {
    const plan = withDecree(examplePlan(), (d) => {
      d.number = " ";
      delete d.date;
    });
    expect(codes(plan)).toEqual(["warning:decree.number.missing", "warning:decree.date.missing"]);
    expect(() => assertDecreeAuthority(plan)).not.toThrow();
  });
});

describe("decreeFindings", () => {
  it("reports authority problems and the order of the legal bases", () => {
    const plan = withDecree(examplePlan(), (d) => {
      d.signatory.position = "Kepala Seksi Identitas Penduduk";
      d.legalBases = [...d.legalBases].reverse();
    });
    const findings = decreeFindings(plan);
    expect(findings.every((f) => f.stage === "keputusan")).toBe(true);
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(["decree.signatory.notIssuer", "decree.legalBases.order"]));
    // Reversed: every item that has a higher-ranked or older one after it is out of place.
    expect(findings.filter((f) => f.code === "decree.legalBases.order").length).toBeGreaterThan(5);
    expect(computeFindings(plan).map((f) => f.code)).toContain("decree.signatory.notIssuer");
    expect(findings.find((f) => f.code === "decree.signatory.notIssuer")?.path).toBe("decree.signatory.position");
  });

  it("finds nothing to complain about in the example", () => {
    expect(decreeFindings(examplePlan())).toEqual([]);
  });
});
