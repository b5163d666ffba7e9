// The workflow's marks read back as a reader gets them: the PDF through pdftotext (and its QR
// code through pdftoppm + jsQR), the DOCX through LibreOffice.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { initialsOf, parafRows } from "../../domain/decree/paraf.js";
import { convertWithLibreOffice, pdfToText } from "../../test-support/libreoffice.js";
import { readPdfQr } from "../../test-support/pdf-qr.js";
import { renderDocument } from "../index.js";
import { examplePlan } from "../test-plans.js";
import { verificationUrl, type DocumentMarks } from "./marks.js";

const run = promisify(execFile);

async function pdfText(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rl-marks-"));
  await writeFile(join(dir, "d.pdf"), bytes);
  return (await run("pdftotext", ["-layout", "-enc", "UTF-8", join(dir, "d.pdf"), "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

const CODE = "K7QX2M4PZR8WJ3NV5TYB";
const approved = (): DocumentMarks => ({
  verification: { code: CODE, url: verificationUrl("https://rencana.contoh.go.id/", CODE) },
  paraf: [
    { step: 1, position: "Kepala Seksi Pelayanan", name: "Dra. Siti Aminah, M.Si.", initials: "SA", date: "2026-03-02" },
    { step: 2, position: "Sekretaris Dinas", name: "Budi Santoso", initials: "BS", date: "2026-03-03" },
  ],
});

describe("paraf rows", () => {
  it("takes initials without titles or degrees", () => {
    expect(initialsOf("Dra. Siti Aminah, M.Si.")).toBe("SA");
    expect(initialsOf("Ir. H. Ahmad  Fauzi")).toBe("AF");
    expect(initialsOf("")).toBe("-");
  });

  it("lists the reviewers of the approving round in order with their team positions and Jakarta dates", () => {
    const plan = examplePlan();
    const member = plan.team[0]!;
    const rows = parafRows(
      plan,
      [
        { action: "submit", cycle: 1, step: null, userId: "u0", at: "2026-03-01T02:00:00Z" },
        { action: "initial", cycle: 1, step: 1, userId: "old", at: "2026-03-01T03:00:00Z" },
        { action: "return", cycle: 1, step: 2, userId: "u2", at: "2026-03-01T04:00:00Z" },
        { action: "submit", cycle: 2, step: null, userId: "u0", at: "2026-03-02T01:00:00Z" },
        { action: "initial", cycle: 2, step: 2, userId: "u2", at: "2026-03-02T20:00:00Z" },
        { action: "initial", cycle: 2, step: 1, userId: "u1", at: "2026-03-02T02:00:00Z" },
        { action: "approve", cycle: 2, step: 3, userId: "u3", at: "2026-03-03T02:00:00Z" },
      ],
      [
        { id: "u1", name: member.name, nip: member.nip ?? null },
        { id: "u2", name: "Orang Luar Tim", nip: null },
      ],
    );
    expect(rows).toEqual([
      { step: 1, position: member.position, name: member.name, initials: initialsOf(member.name), date: "2026-03-02" },
      // 20:00 UTC is 03:00 the next day in Jakarta
      { step: 2, position: "Pemeriksa ke-2", name: "Orang Luar Tim", initials: "OLT", date: "2026-03-03" },
    ]);
  });

  it("is empty before an approval", () => {
    expect(parafRows(examplePlan(), [{ action: "initial", cycle: 1, step: 1, userId: "u1", at: "2026-03-01T00:00:00Z" }], [])).toEqual([]);
  });
});

describe("document marks", () => {
  it("a draft decree and plan book say KONSEP in the PDF; an unmarked one does not", async () => {
    const plan = examplePlan();
    for (const kind of ["sk", "plan"]) {
      const marked = await pdfText((await renderDocument(kind, "pdf", plan, { marks: { konsep: true } })).bytes);
      expect(marked, kind).toContain("KONSEP");
      expect(marked, kind).toContain("belum ditetapkan");
    }
    const plain = await pdfText((await renderDocument("sk", "pdf", plan, {})).bytes);
    expect(plain).not.toContain("KONSEP");
  }, 120_000);

  it("an approved decree's PDF carries the QR code of its verification page, the URL and code beside it, and the paraf table", async () => {
    const pdf = (await renderDocument("sk", "pdf", examplePlan(), { marks: approved() })).bytes;
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(await readPdfQr(pdf, 1)).toBe(`https://rencana.contoh.go.id/verifikasi/${CODE}`);
    expect(text).toContain(`https://rencana.contoh.go.id/verifikasi/${CODE}`);
    expect(text).toContain(`Kode verifikasi: ${CODE}`);
    expect(text).toContain("PARAF KOORDINASI");
    expect(text).toMatch(/Kepala Seksi Pelayanan\s+Dra\. Siti Aminah, M\.Si\.\s+SA\s+2 Maret 2026/);
    expect(text).toMatch(/Sekretaris Dinas\s+Budi Santoso\s+BS\s+3 Maret 2026/);
    expect(text).not.toContain("KONSEP");
  }, 120_000);

  it("the DOCX carries the same marks (read through LibreOffice)", async () => {
    const plan = examplePlan();
    const dir = await mkdtemp(join(tmpdir(), "rl-marks-docx-"));
    await writeFile(join(dir, "konsep.docx"), (await renderDocument("sk", "docx", plan, { marks: { konsep: true } })).bytes);
    await writeFile(join(dir, "buku.docx"), (await renderDocument("plan", "docx", plan, { marks: { konsep: true } })).bytes);
    await writeFile(join(dir, "final.docx"), (await renderDocument("sk", "docx", plan, { marks: approved() })).bytes);
    const [konsep, buku, finalPdf] = await convertWithLibreOffice(["konsep.docx", "buku.docx", "final.docx"].map((f) => join(dir, f)), "pdf");
    const read = async (file: string) => (await pdfToText(file)).replace(/\s+/g, " ");
    expect(await read(konsep!)).toContain("KONSEP");
    expect(await read(buku!)).toContain("KONSEP");
    const final = await read(finalPdf!);
    expect(final).toContain(`Kode verifikasi: ${CODE}`);
    expect(final).toContain("PARAF KOORDINASI");
    expect(final).not.toContain("KONSEP");
    expect(await readPdfQr(new Uint8Array(await readFile(finalPdf!)), 1)).toBe(`https://rencana.contoh.go.id/verifikasi/${CODE}`);
  }, 240_000);
});
