// `rencana render KIND FILE -o OUT`, run in-process against real files.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PLAN_FILE, examplePlan } from "../../documents/test-plans.js";
import { captureIo } from "../../test-support/cli-io.js";
import { run } from "../main.js";

const scratch = () => mkdtempSync(join(tmpdir(), "rencana-render-"));
const examplePath = EXAMPLE_PLAN_FILE.pathname;

describe("rencana render", () => {
  it("writes the decree in the format of the output's extension", async () => {
    const dir = scratch();
    for (const [out, magic] of [
      ["sk.pdf", "%PDF-"],
      ["sk.docx", "PK"],
      ["aksi.PDF", "%PDF-"],
    ] as const) {
      const cap = captureIo();
      const kind = out.startsWith("aksi") ? "aksi-perubahan" : "sk";
      const code = await run(["render", kind, examplePath, "-o", join(dir, out)], cap.io);
      expect(code, cap.err()).toBe(0);
      expect(readFileSync(join(dir, out)).subarray(0, magic.length).toString("latin1")).toBe(magic);
      expect(cap.out()).toContain(out);
    }
  });

  it("refuses an unauthorised signatory with the reason, and writes nothing", async () => {
    const dir = scratch();
    const plan = examplePlan();
    plan.decree.signatory.position = "Kepala Seksi Identitas Penduduk";
    const file = join(dir, "plan.json");
    writeFileSync(file, JSON.stringify(plan));
    const cap = captureIo();
    expect(await run(["render", "sk", file, "-o", join(dir, "sk.pdf")], cap.io)).toBe(1);
    expect(cap.err()).toMatch(/tidak berwenang/);
    expect(cap.err()).toMatch(/decree\.signatory\.position: .*Kepala Seksi Identitas Penduduk/);
    expect(existsSync(join(dir, "sk.pdf"))).toBe(false);
    const en = captureIo();
    expect(await run(["render", "sk", file, "-o", join(dir, "sk.pdf"), "--lang", "en"], en.io)).toBe(1);
    expect(en.err()).toMatch(/not authorised/);
  });

  it("refuses an a.n. signed by staff and a Plt. by a II/a, naming the rule broken (id and en); `validate` lists the same", async () => {
    const dir = scratch();
    const cases = [
      { capacity: "an" as const, onBehalfOf: "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN KARANGSARI", name: "Sutarno", rank: "Pengatur (II/c)", position: "Pengadministrasi Umum", level: "pelaksana" as const, code: "decree.signatory.anStaff", id: /aturan: a\.n\. hanya ditandatangani pejabat struktural satu tingkat di bawah/, en: /rule: a\.n\. is signed only by a structural official one level below/ },
      { capacity: "plt" as const, name: "Rudi", rank: "Pengatur Muda (II/a)", position: "Kepala Dinas Kependudukan dan Pencatatan Sipil", code: "decree.signatory.actingStaff", id: /aturan: Plt\.\/Plh\. hanya pejabat struktural yang setingkat atau satu tingkat di bawah/, en: /rule: a Plt\.\/Plh\. is a structural official of the same level/ },
    ];
    for (const c of cases) {
      const plan = examplePlan();
      const { code, id, en, ...signatory } = c;
      plan.decree.signatory = signatory;
      const file = join(dir, `${code}.json`);
      writeFileSync(file, JSON.stringify(plan));
      const cap = captureIo();
      expect(await run(["render", "sk", file, "-o", join(dir, "sk.pdf")], cap.io)).toBe(1);
      expect(cap.err()).toMatch(id);
      expect(existsSync(join(dir, "sk.pdf"))).toBe(false);
      const english = captureIo();
      expect(await run(["render", "sk", file, "-o", join(dir, "sk.pdf"), "--lang", "en"], english.io)).toBe(1);
      expect(english.err()).toMatch(en);
      const validate = captureIo();
      await run(["validate", file, "--json"], validate.io);
      const report = JSON.parse(validate.out()) as { findings: { code: string; severity: string; message: string }[] };
      expect(report.findings.find((f) => f.code === code)).toMatchObject({ severity: "error", message: expect.stringMatching(id) });
    }
  });

  it("refuses a 17-digit NIP, naming the field and the rule", async () => {
    const dir = scratch();
    const plan = examplePlan();
    plan.decree.signatory.nip = "19680514199403100";
    const file = join(dir, "plan.json");
    writeFileSync(file, JSON.stringify(plan));
    const cap = captureIo();
    expect(await run(["render", "sk", file, "-o", join(dir, "sk.pdf")], cap.io)).toBe(1);
    expect(cap.err()).toMatch(/decree\.signatory\.nip: NIP penanda tangan: "19680514199403100" tidak sah: NIP terdiri atas 18 angka, bukan 17/);
    expect(existsSync(join(dir, "sk.pdf"))).toBe(false);
  });

  it("refuses a plan that fails validation, listing the errors", async () => {
    const dir = scratch();
    const file = join(dir, "bad.json");
    const plan = examplePlan() as unknown as Record<string, unknown>;
    delete plan.title;
    writeFileSync(file, JSON.stringify(plan));
    const cap = captureIo();
    expect(await run(["render", "sk", file, "-o", join(dir, "sk.docx")], cap.io)).toBe(1);
    expect(cap.err()).toMatch(/title: wajib diisi/);
    expect(existsSync(join(dir, "sk.docx"))).toBe(false);
  });

  it("names the choices for an unknown kind, an unsupported format, or a missing file", async () => {
    const dir = scratch();
    const kind = captureIo();
    expect(await run(["render", "surat", examplePath, "-o", join(dir, "x.pdf")], kind.io)).toBe(1);
    expect(kind.err()).toMatch(/"surat" tidak dikenal; pilihan: .*sk.*aksi-perubahan/);
    const format = captureIo();
    expect(await run(["render", "sk", examplePath, "-o", join(dir, "x.odt")], format.io)).toBe(1);
    expect(format.err()).toMatch(/"odt".*docx, pdf/);
    const missing = captureIo();
    expect(await run(["render", "sk", join(dir, "nope.json"), "-o", join(dir, "x.pdf")], missing.io)).toBe(1);
    expect(missing.err()).toMatch(/berkas tidak ditemukan/);
  });
});
