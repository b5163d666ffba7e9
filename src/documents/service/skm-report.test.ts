// The laporan hasil SKM of a period: from a hand-made set of responses, the DOCX read back by
// LibreOffice and the PDF by pdftotext show the respondents, the NRR per unsur, the IKM with its
// mutu, the priority, the suggestions and the follow-up; without responses it still renders.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../domain/plan/schema.js";
import { skmSummary, type SkmRecord } from "../../domain/service/skm-summary.js";
import { convertWithLibreOffice, pdfToText } from "../../test-support/libreoffice.js";
import { missingPrograms } from "../../test-support/tools.js";
import { renderDocument } from "../index.js";

const skip = missingPrograms("soffice", "pdftotext");
const dir = mkdtempSync(join(tmpdir(), "rencana-skm-report-"));
const plan = JSON.parse(readFileSync(new URL("../../../examples/adminduk-keliling-lansia.json", import.meta.url), "utf8")) as Plan;
const flat = (s: string) => s.replace(/\s+/g, " ");

// Two respondents: answer sums 28 and 29 → IKM = 25·57/18 = 79,17 (B); U3 (1 and 2) is the lowest, NRR 1,50.
const records: SkmRecord[] = [
  { answers: [4, 3, 1, 4, 3, 3, 4, 3, 3], gender: "P", age: 67, education: "SD", occupation: "Lainnya", suggestion: "Jadwal kunjungan diumumkan lebih awal", submittedOn: "2027-03-01" },
  { answers: [4, 3, 2, 4, 3, 3, 4, 3, 3], gender: null, age: null, education: null, occupation: null, suggestion: null, submittedOn: "2027-03-02" },
];
const summary = skmSummary(records, { from: "2027-01-01", to: "2027-06-30" });

describe.skipIf(skip)("laporan hasil SKM", () => {
  const texts: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, skm] of [["full", summary], ["empty", undefined]] as const) {
      for (const format of ["docx", "pdf"] as const) {
        const doc = await renderDocument("laporan-skm", format, plan, { today: "2027-07-01", ...(skm ? { skm } : {}) });
        writeFileSync(join(dir, `${name}.${format}`), doc.bytes);
      }
    }
    const [full, empty] = await convertWithLibreOffice([join(dir, "full.docx"), join(dir, "empty.docx")], "txt:Text (encoded):UTF8", dir);
    texts.docx = flat(readFileSync(full!, "utf8"));
    texts.emptyDocx = flat(readFileSync(empty!, "utf8"));
    texts.pdf = flat(await pdfToText(join(dir, "full.pdf")));
    texts.emptyPdf = flat(await pdfToText(join(dir, "empty.pdf")));
  }, 240_000);

  it("prints the period's respondents, NRR per unsur, IKM with mutu, priority, suggestions and follow-up (DOCX and PDF)", () => {
    for (const t of [texts.docx!, texts.pdf!]) {
      expect(t).toContain("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT");
      expect(t).toContain("Periode 1 Januari 2027 s.d. 30 Juni 2027");
      expect(t).toContain("Jumlah responden: 2 orang.");
      expect(t).toContain("IKM = (Σ NRR / 9) × 25 = 79,17; mutu pelayanan B, kinerja unit pelayanan Baik.");
      expect(t).toContain("U3 Waktu penyelesaian: NRR 1,50");
      expect(t).toContain("Jadwal kunjungan diumumkan lebih awal");
      expect(t).toContain("Perbaikan unsur waktu penyelesaian (U3, 37,50, mutu D)");
      expect(t).toContain("Drs. H. Bambang Sutrisno, M.Si.");
    }
  });

  it("renders without respondents, saying so", () => {
    for (const t of [texts.emptyDocx!, texts.emptyPdf!]) {
      expect(t).toContain("Belum ada responden pada periode ini.");
      expect(t).toContain("U9 Sarana dan prasarana");
    }
  });
});
