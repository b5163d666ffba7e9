// The signing rules of the team decree (issue 10 item 4; indonesia.md §1.5) as one table:
// every row a signatory, the capacity they sign in, and what the rules say.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeFindings } from "../findings.js";
import type { Plan } from "../plan/schema.js";
import { validatePlan, validatePlanText } from "../plan/validate.js";
import { assertDecreeAuthority, decreeAuthorityErrors } from "./authority.js";
import { decreeModel } from "./model.js";
import { checkNip, inferLevel, PANGKAT_LABELS, parsePangkat, printRank, type PositionLevel } from "./officials.js";
import { sameOffice } from "./text.js";

function examplePlan(): Plan {
  const result = validatePlanText(readFileSync(new URL("../../../examples/adminduk-keliling-lansia.json", import.meta.url), "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const ISSUER = "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN KARANGSARI";
const HEAD = "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari";
const HEAD_NO_REGION = "Kepala Dinas Kependudukan dan Pencatatan Sipil";

type Signer = Partial<Plan["decree"]["signatory"]> & { name: string; position: string };
type Row = {
  what: string;
  signer: Signer;
  issuerTitle?: string;
  issuerLevel?: PositionLevel;
  /** The authority error codes expected; [] = accepted. */
  expect: string[];
};

const sekdis: Signer = { name: "Ir. Hadi Purnomo, M.T.", nip: "197102141997031003", rank: "Pembina (IV/a)", position: "Sekretaris", level: "administrator" };

const ROWS: Row[] = [
  // a.n. — only a structural official one level below the issuer
  { what: "a.n. by staff (Pengadministrasi Umum, II/c), level recorded", signer: { name: "Sutarno", nip: "198905172014031002", rank: "Pengatur (II/c)", position: "Pengadministrasi Umum", level: "pelaksana", capacity: "an" }, expect: ["decree.signatory.anStaff"] },
  { what: "a.n. by staff (Pengadministrasi Umum, II/c), level read from the title", signer: { name: "Sutarno", rank: "Pengatur (II/c)", position: "Pengadministrasi Umum", capacity: "an" }, expect: ["decree.signatory.anStaff"] },
  { what: "a.n. by a II/c whose title says nothing: the rank tells", signer: { name: "Sutarno", rank: "Pengatur (II/c)", position: "Pembantu Umum Kantor", capacity: "an" }, expect: ["decree.signatory.anStaff"] },
  { what: "a.n. by the drafting pengawas (the team's ketua, Kepala Seksi)", signer: { name: "Agus Priyanto, S.STP., M.Si.", nip: "198304122002121003", rank: "Penata Tingkat I (III/d)", position: "Kepala Seksi Identitas Penduduk", capacity: "an" }, expect: ["decree.signatory.anPengawas", "decree.signatory.teamMember"] },
  { what: "a.n. by a pengawas outside the team", signer: { name: "Rina", position: "Kepala Subbagian Umum dan Kepegawaian", level: "pengawas", capacity: "an" }, expect: ["decree.signatory.anPengawas"] },
  { what: "a.n. by a functional officer", signer: { name: "Yohanes", position: "Pranata Komputer Ahli Muda", level: "fungsional", capacity: "an" }, expect: ["decree.signatory.anFunctional"] },
  { what: "a.n. by a functional officer, level read from the title", signer: { name: "Yohanes", position: "Pranata Komputer Ahli Muda", capacity: "an" }, expect: ["decree.signatory.anFunctional"] },
  { what: "a.n. by the Sekretaris Dinas (administrator, one below the Kepala Dinas)", signer: { ...sekdis, capacity: "an" }, expect: [] },
  { what: "a.n. by the Sekretaris Dinas, level read from the title", signer: { ...sekdis, level: undefined, position: "Sekretaris Dinas Kependudukan dan Pencatatan Sipil", capacity: "an" }, expect: [] },
  { what: "a.n. by another JPT Pratama (same level, not one below)", signer: { name: "Budi", position: "Kepala Badan Kepegawaian", level: "jpt-pratama", capacity: "an" }, expect: ["decree.signatory.anNotOneLevelBelow"] },
  { what: "a.n. by the Sekretaris Daerah for the Bupati", issuerTitle: "BUPATI KARANGSARI", signer: { name: "Drs. Suparman", position: "Sekretaris Daerah", capacity: "an" }, expect: [] },
  { what: "a.n. by an administrator for the Bupati (two below)", issuerTitle: "BUPATI KARANGSARI", signer: { ...sekdis, capacity: "an" }, expect: ["decree.signatory.anNotOneLevelBelow"] },
  { what: "a.n. by someone whose level nothing tells", signer: { name: "Joko", position: "Koordinator Lapangan", capacity: "an" }, expect: ["decree.signatory.levelMissing"] },
  { what: "a.n. for an issuer whose level nothing tells", issuerTitle: "KEPALA UPTD PUSKESMAS SUKAMULYA", signer: { ...sekdis, capacity: "an" }, expect: ["decree.issuer.levelMissing"] },
  { what: "a.n. for an issuer whose level is recorded", issuerTitle: "KEPALA UPTD PUSKESMAS SUKAMULYA", issuerLevel: "administrator", signer: { name: "Rina", position: "Kepala Subbagian Tata Usaha", level: "administrator", capacity: "an" }, expect: ["decree.signatory.anNotOneLevelBelow"] },
  // Plt./Plh. — same level or one below, never staff
  { what: "Plt. by a II/a staff member (level recorded)", signer: { name: "Rudi", rank: "Pengatur Muda (II/a)", position: HEAD, level: "pelaksana", capacity: "plt" }, expect: ["decree.signatory.actingStaff"] },
  { what: "Plt. by a II/a staff member (only the rank tells)", signer: { name: "Rudi", rank: "Pengatur Muda (II/a)", position: HEAD, capacity: "plt" }, expect: ["decree.signatory.actingStaff"] },
  { what: "Plh. by a functional officer", signer: { name: "Yohanes", position: HEAD, level: "fungsional", capacity: "plh" }, expect: ["decree.signatory.actingStaff"] },
  { what: "Plt. by an official of the same level (JPT Pratama)", signer: { name: "Budi", position: HEAD, level: "jpt-pratama", capacity: "plt" }, expect: [] },
  { what: "Plh. by an official one below (the Sekretaris Dinas)", signer: { ...sekdis, position: HEAD, capacity: "plh" }, expect: [] },
  { what: "Plt. by a pengawas (two below)", signer: { name: "Rina", position: HEAD, level: "pengawas", capacity: "plt" }, expect: ["decree.signatory.actingLevel"] },
  { what: "Plt. by someone whose own level nothing tells", signer: { name: "Joko", position: HEAD, capacity: "plt" }, expect: ["decree.signatory.levelMissing"] },
  // The real head, definitive
  { what: "the real head, position with the region suffix", signer: { name: "Drs. H. Bambang Sutrisno, M.Si.", position: HEAD, capacity: "definitive" }, expect: [] },
  { what: "the real head, position without the region suffix", signer: { name: "Drs. H. Bambang Sutrisno, M.Si.", position: HEAD_NO_REGION, capacity: "definitive" }, expect: [] },
  { what: "the real head, in other case and spacing", signer: { name: "Drs. H. Bambang Sutrisno, M.Si.", position: "  kepala dinas  kependudukan DAN pencatatan sipil ", capacity: "definitive" }, expect: [] },
  { what: "the head of the same office in another regency", signer: { name: "Drs. Wahyu", position: "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju" }, expect: ["decree.signatory.notIssuer"] },
];

function planWith(row: Row): Plan {
  const plan = examplePlan();
  plan.decree.issuerTitle = row.issuerTitle ?? ISSUER;
  delete plan.decree.issuerLevel;
  if (row.issuerLevel) plan.decree.issuerLevel = row.issuerLevel;
  const { capacity, ...rest } = row.signer;
  plan.decree.signatory = { ...rest, ...(capacity ? { capacity } : {}) };
  if (capacity === "an") plan.decree.signatory.onBehalfOf = plan.decree.issuerTitle;
  for (const k of Object.keys(plan.decree.signatory) as (keyof Plan["decree"]["signatory"])[]) if (plan.decree.signatory[k] === undefined) delete plan.decree.signatory[k];
  return plan;
}

describe("who may sign the decree: the table", () => {
  it.each(ROWS)("$what", (row) => {
    const plan = planWith(row);
    expect(validatePlan(plan).ok).toBe(true);
    const errors = decreeAuthorityErrors(plan);
    expect(errors.map((e) => e.code).sort()).toEqual([...row.expect].sort());
    const findings = computeFindings(plan).filter((f) => f.severity === "error" && f.code.startsWith("decree."));
    for (const code of row.expect) expect(findings.map((f) => f.code)).toContain(code);
    if (row.expect.length === 0) {
      expect(() => assertDecreeAuthority(plan)).not.toThrow();
      return;
    }
    // The refusal names the rule, in both languages, and rendering is refused with it.
    for (const e of errors.filter((x) => /anStaff|anFunctional|anPengawas|anNotOneLevelBelow|acting/.test(x.code))) {
      expect(e.message.id).toMatch(/aturan: (a\.n\.|Plt\.\/Plh\.)/);
      expect(e.message.en).toMatch(/rule: (a\.n\.|a Plt\.\/Plh\.)/);
    }
    expect(() => assertDecreeAuthority(plan)).toThrow(row.expect.includes("decree.signatory.notIssuer") ? /kewenangan/ : /aturan|belum dicatat/);
  });

  it("warns (does not refuse) a Plt./Plh. charging a budget", () => {
    const plan = planWith({ what: "", signer: { ...sekdis, position: HEAD, capacity: "plt" }, expect: [] });
    expect(plan.budget.length).toBeGreaterThan(0);
    expect(computeFindings(plan).find((f) => f.code === "decree.signatory.actingBudget")?.severity).toBe("warning");
  });
});

describe("NIP", () => {
  const NIPS: Array<[string, string | null]> = [
    ["197003121995031002", null],
    ["19700312 199503 1 002", null],
    ["  19700312  199503 1  002 ", null],
    ["19700312199503100", "nip.length"],
    ["1970031219950310021", "nip.length"],
    ["19700312 199503 1 00A", "nip.digits"],
    ["I9700312199503I002", "nip.digits"],
    ["19700312-199503-1-002", "nip.digits"],
    ["197003121995033002", "nip.sex"],
    ["197003121995030002", "nip.sex"],
    ["197013121995031002", "nip.birthDate"],
    ["197002301995031002", "nip.birthDate"],
    ["180003121995031002", "nip.birthDate"],
    ["197003121995131002", "nip.appointment"],
    ["197003121995001002", "nip.appointment"],
    ["197003121969121002", "nip.appointment"],
    ["197003121970031002", "nip.appointment"],
  ];
  it.each(NIPS)("%s → %s", (nip, rule) => {
    const check = checkNip(nip);
    expect(check.ok ? null : check.rule).toBe(rule);
    // The schema refuses the same NIPs, naming the field and the rule.
    const plan = examplePlan();
    plan.decree.signatory.nip = nip;
    plan.team[0]!.nip = nip;
    const r = validatePlan(plan);
    expect(r.ok).toBe(rule === null);
    if (!r.ok) {
      expect(r.errors.map((e) => `${e.path}:${e.code}`).sort()).toEqual(["decree.signatory.nip:nip.invalid", "team[0].nip:nip.invalid"]);
      const signatory = r.errors.find((e) => e.path === "decree.signatory.nip")!;
      expect(signatory.message.id).toMatch(/^NIP penanda tangan: ".*" tidak sah: /);
      expect(signatory.message.en).toMatch(/^signatory's NIP: ".*" is not valid: /);
    }
  });

  it("is printed grouped in the decree however it was typed", () => {
    const plan = examplePlan();
    plan.decree.signatory.nip = "19680514 1994031006";
    expect(decreeModel(plan).signature.nipLine).toBe("NIP. 19680514 199403 1 006");
  });
});

describe("pangkat/golongan", () => {
  it("has the official list of 17, Juru Muda (I/a) to Pembina Utama (IV/e)", () => {
    expect(PANGKAT_LABELS).toHaveLength(17);
    expect(PANGKAT_LABELS[0]).toBe("Juru Muda (I/a)");
    expect(PANGKAT_LABELS[16]).toBe("Pembina Utama (IV/e)");
  });
  const RANKS: Array<[string, string | null]> = [
    ["Pembina Utama Muda (IV/c)", "Pembina Utama Muda (IV/c)"],
    ["pembina  utama muda, IV/c", "Pembina Utama Muda (IV/c)"],
    ["Penata Muda Tk. I (III/b)", "Penata Muda Tingkat I (III/b)"],
    ["Penata Muda Tk.I", "Penata Muda Tingkat I (III/b)"],
    ["III.d", "Penata Tingkat I (III/d)"],
    ["IV-a", "Pembina (IV/a)"],
    ["Pembina (IV/c)", null],
    ["Pembina Madya (IV/d)", null],
    ["V/a", null],
    ["IV/f", null],
    ["Kolonel", null],
  ];
  it.each(RANKS)("%s → %s", (input, label) => {
    const p = parsePangkat(input);
    expect(p ? printRank(input) : null).toBe(label);
    const plan = examplePlan();
    plan.decree.signatory.rank = input;
    const r = validatePlan(plan);
    expect(r.ok).toBe(label !== null);
    if (!r.ok) expect(r.errors.map((e) => `${e.path}:${e.code}`)).toEqual(["decree.signatory.rank:rank.invalid"]);
    // What is printed is the official label.
    if (label) expect(decreeModel(plan).signature.rank).toBe(label);
  });
});

describe("positions", () => {
  it("match after case, spacing and the region suffix, but not across regions", () => {
    expect(sameOffice(HEAD_NO_REGION, ISSUER)).toBe(true);
    expect(sameOffice(ISSUER, "kepala dinas kependudukan dan pencatatan sipil")).toBe(true);
    expect(sameOffice("Kepala Dinas Kependudukan dan Pencatatan Sipil Kab. Karangsari", ISSUER)).toBe(true);
    expect(sameOffice("Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju", ISSUER)).toBe(false);
    expect(sameOffice("Kepala Dinas Kesehatan", ISSUER)).toBe(false);
    expect(sameOffice("Wali Kota Karangsari", "Wali")).toBe(false);
    expect(sameOffice("Wali Kota Karangsari", "WALI KOTA KARANGSARI")).toBe(true);
  });
  it("read their level from a plain title", () => {
    expect(inferLevel("Bupati Karangsari")).toBe("pejabat-negara");
    expect(inferLevel("Sekretaris Daerah Provinsi Jawa Tengah")).toBe("jpt-madya");
    expect(inferLevel("Sekretaris Daerah Kabupaten Karangsari")).toBe("jpt-pratama");
    expect(inferLevel(ISSUER)).toBe("jpt-pratama");
    expect(inferLevel("Sekretaris Dinas Kependudukan")).toBe("administrator");
    expect(inferLevel("Kepala Bidang Pelayanan Pendaftaran Penduduk")).toBe("administrator");
    expect(inferLevel("Kepala Seksi Identitas Penduduk")).toBe("pengawas");
    expect(inferLevel("Pranata Komputer Terampil")).toBe("fungsional");
    expect(inferLevel("Pengadministrasi Umum")).toBe("pelaksana");
    expect(inferLevel("Koordinator Lapangan")).toBeUndefined();
  });
});
