// The decree of an amended plan (issue 10 item 3; indonesia.md §1.5): a Keputusan tentang
// Perubahan atas Keputusan … Nomor … whose Menimbang cites the decree it amends, or a new decree
// whose diktum revokes the earlier one — the model, and what DOCX (through LibreOffice) and the
// native PDF (pdftotext) print.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { decreeModel, decreeSubject } from "../../domain/decree/model.js";
import type { Plan } from "../../domain/plan/schema.js";
import { validatePlan } from "../../domain/plan/validate.js";
import { convertWithLibreOffice } from "../../test-support/libreoffice.js";
import { renderDocument } from "../index.js";
import { amendedDecreeOf } from "../../domain/decree/amendment.js";
import { examplePlan, findOutOfOrder, withoutPageFooters } from "../test-plans.js";

const run = promisify(execFile);

const EARLIER = "400.12/017/Kep/2027";
const ISSUER = "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN KARANGSARI";

function amended(kind: "perubahan" | "pencabutan"): Plan {
  const plan = examplePlan();
  const subject = decreeSubject(plan);
  plan.decree.amends = { kind, number: EARLIER, date: "2027-01-06", subject, issuerTitle: plan.decree.issuerTitle };
  plan.decree.number = "400.12/031/Kep/2027";
  plan.decree.date = "2027-03-10";
  plan.team[4]!.name = "Siti Nurhalimah Rahayu, S.E.";
  const r = validatePlan(plan);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

const SUBJECT = "PEMBENTUKAN TIM PELAKSANA PELAYANAN ADMINDUK KELILING BAGI LANSIA DAN PENYANDANG DISABILITAS TAHUN ANGGARAN 2027";

/** What an amendment decree says, in order. */
const AMENDMENT_PARTS = [
  `KEPUTUSAN ${ISSUER}`,
  "NOMOR 400.12/031/Kep/2027",
  "TENTANG",
  `PERUBAHAN ATAS KEPUTUSAN ${ISSUER} NOMOR ${EARLIER} TENTANG ${SUBJECT}`,
  "Menimbang",
  `bahwa telah ditetapkan Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari Nomor ${EARLIER} tanggal 6 Januari 2027 tentang Pembentukan Tim Pelaksana`,
  "Keputusan sebagaimana dimaksud dalam huruf a perlu diubah;",
  "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a",
  "perlu menetapkan Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari tentang Perubahan atas Keputusan",
  "MEMUTUSKAN:",
  `KEPUTUSAN ${ISSUER} TENTANG PERUBAHAN ATAS KEPUTUSAN ${ISSUER} NOMOR ${EARLIER} TENTANG ${SUBJECT}.`,
  "KESATU",
  `Mengubah susunan keanggotaan dan tugas Tim Pelaksana`,
  `sebagaimana ditetapkan dalam Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari Nomor ${EARLIER} tentang`,
  "sebagaimana tercantum dalam Lampiran",
  "KEDUA",
  `Ketentuan lain dalam Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari Nomor ${EARLIER}`,
  "yang tidak diubah dengan Keputusan ini dinyatakan tetap berlaku.",
  "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
  "pada tanggal 10 Maret 2027",
  "LAMPIRAN",
  "NOMOR 400.12/031/Kep/2027",
  `TENTANG PERUBAHAN ATAS KEPUTUSAN ${ISSUER} NOMOR ${EARLIER}`,
  "Siti Nurhalimah Rahayu, S.E.",
];

/** What a replacement decree says, in order: its own subject, the earlier one revoked. */
const REPLACEMENT_PARTS = [
  "NOMOR 400.12/031/Kep/2027",
  `TENTANG ${SUBJECT}`,
  `bahwa telah ditetapkan Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari Nomor ${EARLIER} tanggal 6 Januari 2027`,
  "perlu diganti dengan Keputusan yang baru;",
  "KESATU",
  "Membentuk Tim Pelaksana",
  `Dengan berlakunya Keputusan ini, Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Karangsari Nomor ${EARLIER} tentang`,
  "dicabut dan dinyatakan tidak berlaku.",
  "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
];

describe("the decree of an amended plan: the model", () => {
  it("is a Keputusan tentang Perubahan atas the earlier one, citing it first in Menimbang", () => {
    const m = decreeModel(amended("perubahan"));
    expect(m.heading.subject).toBe(`PERUBAHAN ATAS KEPUTUSAN ${ISSUER} NOMOR ${EARLIER} TENTANG ${SUBJECT}`);
    expect(m.considerations[0]?.text).toMatch(new RegExp(`^bahwa telah ditetapkan Keputusan .* Nomor ${EARLIER.replace(/\./g, "\\.")} tanggal 6 Januari 2027 tentang Pembentukan Tim Pelaksana .*;$`));
    expect(m.considerations.at(-1)?.text).toMatch(/^bahwa berdasarkan pertimbangan .* perlu menetapkan Keputusan .* tentang Perubahan atas Keputusan .* Nomor 400\.12\/017\/Kep\/2027 tentang/);
    expect(m.dictums[0]?.text).toMatch(/^Mengubah susunan keanggotaan dan tugas Tim Pelaksana/);
    expect(m.dictums.at(-2)?.text).toMatch(/yang tidak diubah dengan Keputusan ini dinyatakan tetap berlaku\.$/);
    expect(m.dictums.at(-1)?.text).toBe("Keputusan ini mulai berlaku pada tanggal ditetapkan.");
    // The team keeps its name (not "Perubahan atas …").
    expect(m.appendix.title).toMatch(/^SUSUNAN KEANGGOTAAN TIM PELAKSANA PELAYANAN ADMINDUK/);
  });

  it("as a replacement keeps its own subject and revokes the earlier decree in a diktum", () => {
    const m = decreeModel(amended("pencabutan"));
    expect(m.heading.subject).toBe(SUBJECT);
    expect(m.dictums[0]?.text).toMatch(/^Membentuk Tim Pelaksana/);
    expect(m.dictums.at(-2)?.text).toMatch(/^Dengan berlakunya Keputusan ini, Keputusan .* Nomor 400\.12\/017\/Kep\/2027 tentang .* dicabut dan dinyatakan tidak berlaku\.$/);
  });

  it("a second amendment amends the original again: Perubahan Kedua atas it, citing the first amendment", () => {
    const first = amended("perubahan");
    // The approved first amendment is amended once more: the server cites the original decree again.
    const second = structuredClone(first);
    second.decree.amends = amendedDecreeOf(first, "perubahan");
    second.decree.number = "400.12/058/Kep/2027";
    second.decree.date = "2027-06-02";
    expect(second.decree.amends).toMatchObject({ number: EARLIER, ordinal: 2, amendedBy: [{ number: "400.12/031/Kep/2027", date: "2027-03-10" }] });
    const m = decreeModel(validatePlan(second).ok ? second : (() => { throw new Error(JSON.stringify(validatePlan(second).errors)); })());
    expect(m.heading.subject).toBe(`PERUBAHAN KEDUA ATAS KEPUTUSAN ${ISSUER} NOMOR ${EARLIER} TENTANG ${SUBJECT}`);
    expect(m.considerations[0]?.text).toMatch(
      new RegExp(`Nomor ${EARLIER.replace(/\./g, "\\.")} tanggal 6 Januari 2027 tentang Pembentukan Tim Pelaksana .* sebagaimana telah diubah dengan Keputusan .* Nomor 400\\.12/031/Kep/2027 tanggal 10 Maret 2027;$`),
    );
    // A third: "sebagaimana telah beberapa kali diubah, terakhir dengan" the second.
    const third = structuredClone(second);
    third.decree.amends = amendedDecreeOf(second, "perubahan");
    expect(third.decree.amends).toMatchObject({ number: EARLIER, ordinal: 3 });
    const t = decreeModel(third);
    expect(t.heading.subject).toMatch(/^PERUBAHAN KETIGA ATAS KEPUTUSAN .* NOMOR 400\.12\/017\/Kep\/2027 TENTANG /);
    expect(t.considerations[0]?.text).toMatch(/sebagaimana telah beberapa kali diubah, terakhir dengan Keputusan .* Nomor 400\.12\/058\/Kep\/2027 tanggal 2 Juni 2027;$/);
  });

  it("leaves a decree that amends nothing as it was", () => {
    const m = decreeModel(examplePlan());
    expect(m.heading.subject).toBe(SUBJECT);
    expect(JSON.stringify(m)).not.toMatch(/Perubahan atas Keputusan|dicabut|tidak diubah dengan Keputusan ini/);
  });
});

describe("the decree of an amended plan: DOCX and PDF", () => {
  const text: Record<string, string> = {};
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "sk-amend-"));
    const docxFiles: string[] = [];
    for (const kind of ["perubahan", "pencabutan"] as const) {
      const plan = amended(kind);
      const docx = await renderDocument("sk", "docx", plan);
      const pdf = await renderDocument("sk", "pdf", plan);
      const docxFile = join(dir, `${kind}.docx`);
      await writeFile(docxFile, docx.bytes);
      docxFiles.push(docxFile);
      await writeFile(join(dir, `${kind}.pdf`), pdf.bytes);
      const { stdout } = await run("pdftotext", ["-raw", "-enc", "UTF-8", join(dir, `${kind}.pdf`), "-"], { maxBuffer: 64 * 1024 * 1024 });
      text[`${kind}.pdf`] = withoutPageFooters(stdout);
    }
    const outputs = await convertWithLibreOffice(docxFiles, "txt:Text (encoded):UTF8", dir);
    text["perubahan.docx"] = await readFile(outputs[0] ?? "", "utf8");
    text["pencabutan.docx"] = await readFile(outputs[1] ?? "", "utf8");
  }, 300_000);

  for (const format of ["docx", "pdf"]) {
    it(`${format}: the amendment decree names and cites the decree it amends, in order`, () => {
      expect(findOutOfOrder(text[`perubahan.${format}`] ?? "", AMENDMENT_PARTS)).toBeUndefined();
    });
    it(`${format}: the replacement decree revokes the earlier one`, () => {
      expect(findOutOfOrder(text[`pencabutan.${format}`] ?? "", REPLACEMENT_PARTS)).toBeUndefined();
      expect(text[`pencabutan.${format}`]).not.toMatch(/PERUBAHAN ATAS/);
    });
  }
});
