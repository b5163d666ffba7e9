// The service standard's documents rendered through `rencana render` from the example and from a
// bare plan: DOCX read back by LibreOffice, PDF by poppler (pdftotext, pdfinfo).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { run as cli } from "../../cli/main.js";
import { emptyPlan } from "../../domain/plan/empty.js";
import { MAKLUMAT_TEXT } from "../../domain/service/standard.js";
import { captureIo } from "../../test-support/cli-io.js";
import { convertWithLibreOffice, pdfToText } from "../../test-support/libreoffice.js";
import { missingPrograms } from "../../test-support/tools.js";

const execFileP = promisify(execFile);
const skip = missingPrograms("soffice", "pdftotext", "pdfinfo", "pdfimages");
const dir = mkdtempSync(join(tmpdir(), "rencana-service-docs-"));
const example = new URL("../../../examples/adminduk-keliling-lansia.json", import.meta.url).pathname;
const bare = join(dir, "bare.json");
const barePlan = emptyPlan({ title: "Layanan Uji", fiscalYear: 2027, organizationName: "Dinas Uji" });
writeFileSync(join(dir, "no-issuer.json"), JSON.stringify(barePlan));
barePlan.decree = { ...barePlan.decree, issuerTitle: "KEPALA DINAS UJI", signatory: { name: "", position: "Kepala Dinas Uji" } };
writeFileSync(bare, JSON.stringify(barePlan));

const flat = (s: string) => s.replace(/\s+/g, " ");

async function render(kind: string, file: string, out: string, ...extra: string[]): Promise<string> {
  const c = captureIo();
  const code = await cli(["render", kind, file, "-o", join(dir, out), ...extra], c.io);
  if (code !== 0) throw new Error(`render ${kind} → ${code}: ${c.err()}`);
  return join(dir, out);
}

describe.skipIf(skip)("service standard documents", () => {
  const texts: Record<string, string> = {};
  beforeAll(async () => {
    const docx = [
      await render("standar-pelayanan", example, "kep.docx"),
      await render("berita-acara", example, "ba.docx"),
      await render("standar-pelayanan", bare, "kep-bare.docx"),
      await render("berita-acara", bare, "ba-bare.docx"),
    ];
    const txt = await convertWithLibreOffice(docx, "txt:Text (encoded):UTF8", dir);
    ["kep", "ba", "kepBare", "baBare"].forEach((k, i) => (texts[k] = flat(readFileSync(txt[i]!, "utf8"))));
  }, 240_000);

  it("the Keputusan adopts the standard with the standard as lampiran (LibreOffice reads it)", () => {
    const t = texts.kep!;
    expect(t).toContain("NOMOR 800/027/2027");
    expect(t).toContain("TENTANG STANDAR PELAYANAN PELAYANAN ADMINISTRASI KEPENDUDUKAN KELILING");
    expect(t).toContain("forum konsultasi publik pada tanggal 25 Januari 2027");
    expect(t).toContain("KESATU");
    expect(t).toContain("KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENYAMPAIAN PELAYANAN");
    expect(t).toContain("Rp0 / gratis");
    expect(t).toContain("7 hari kerja");
    // Pre-filled: the team's size and the facility resources.
    expect(t).toContain("8 orang");
    expect(t).toContain("Kendaraan pelayanan keliling");
    expect(t).toContain("Drs. H. Bambang Sutrisno, M.Si.");
  });

  it("the Keputusan's DOCX draws the procedure as a flowchart on a page of its own, as the PDF does", async () => {
    const [pdf] = await convertWithLibreOffice([join(dir, "kep.docx")], "pdf", join(dir, "kep-pdf"));
    const pages = Number(/Pages:\s+(\d+)/.exec((await execFileP("pdfinfo", [pdf!])).stdout)?.[1]);
    const last = (await execFileP("pdftotext", ["-layout", "-f", String(pages), "-l", String(pages), pdf!, "-"])).stdout;
    expect(last).toContain("BAGAN ALUR PROSEDUR PELAYANAN");
    // The flowchart is a picture on that page, inside the page.
    const images = (await execFileP("pdfimages", ["-list", "-f", String(pages), "-l", String(pages), pdf!])).stdout.trim().split("\n").slice(2);
    // One picture (its alpha channel is listed apart as an "smask").
    expect(images.filter((row) => row.trim().split(/\s+/)[2] === "image")).toHaveLength(1);
    // A plan without procedure steps has no flowchart page.
    expect(texts.kepBare).not.toContain("BAGAN ALUR");
    expect(texts.kep).toContain("BAGAN ALUR PROSEDUR PELAYANAN");
  });

  it("the berita acara lists participants, inputs and follow-up", () => {
    const t = texts.ba!;
    expect(t).toContain("BERITA ACARA");
    expect(t).toContain("Senin, 25 Januari 2027");
    expect(t).toContain("Persatuan Penyandang Disabilitas Indonesia Kabupaten Karangsari");
    expect(t).toContain("Nomor WhatsApp ditambahkan pada kanal pendaftaran");
  });

  it("a plan without a standard still renders, with dots", () => {
    expect(texts.kepBare).toContain("NOMOR ....................");
    expect(texts.kepBare).toContain("Persyaratan");
    expect(texts.baBare).toContain("bertempat di ....................");
  });

  it("the Keputusan follows the team decree's authority rules: no issuing office, no decree", async () => {
    const c = captureIo();
    expect(await cli(["render", "standar-pelayanan", join(dir, "no-issuer.json"), "-o", join(dir, "refused.docx")], c.io)).toBe(1);
    expect(c.err()).toContain("decree.issuerTitle");
  });

  it("the maklumat poster (A4 and A3) carries the standard text, signer and the public page's address", async () => {
    const a4 = await render("maklumat", example, "maklumat.pdf", "--public-url", "https://layanan.karangsarikab.go.id");
    const a3 = await render("maklumat-a3", example, "maklumat-a3.pdf");
    for (const [file, size] of [
      [a4, "595.276 x 841.89"],
      [a3, "841.89 x 1190.55"],
    ] as const) {
      const text = flat(await pdfToText(file));
      expect(text).toContain("MAKLUMAT PELAYANAN");
      expect(text).toContain(MAKLUMAT_TEXT);
      expect(text).toContain("1 Februari 2027");
      expect(text).toContain("KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN KARANGSARI,");
      expect(text).toContain("Drs. H. Bambang Sutrisno, M.Si.");
      const { stdout } = await execFileP("pdfinfo", [file]);
      expect(stdout).toMatch(new RegExp(`Page size:\\s+${size.replace(/\./g, "\\.")}`));
      expect(stdout).toMatch(/Pages:\s+1\n/);
    }
    // The address under the QR code may wrap: compare without white space.
    const squeeze = async (f: string) => (await pdfToText(f)).replace(/\s+/g, "");
    expect(await squeeze(a4)).toContain("https://layanan.karangsarikab.go.id/layanan/adminduk-keliling");
    expect(await squeeze(a3)).toContain("http://localhost:3000/layanan/adminduk-keliling");
    const bareText = flat(await pdfToText(await render("maklumat", bare, "maklumat-bare.pdf")));
    expect(bareText).toContain(MAKLUMAT_TEXT);
    expect(bareText.replace(/\s+/g, "")).toContain("/layanan/layanan-uji");
  });

  it("the PDF Keputusan and berita acara read back too", async () => {
    const kep = flat(await pdfToText(await render("standar-pelayanan", example, "kep.pdf")));
    expect(kep).toContain("KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENGELOLAAN PELAYANAN");
    // The procedure drawn as a flowchart after the table.
    expect(kep).toContain("BAGAN ALUR PROSEDUR PELAYANAN");
    expect(kep).toMatch(/Mulai.*1\. Keluarga atau perangkat desa.*Selesai/);
    const ba = flat(await pdfToText(await render("berita-acara", example, "ba.pdf")));
    expect(ba).toContain("Dimasukkan pada langkah prosedur 2");
  });
});

describe("procedureFlowchartSvg", () => {
  it("draws start, each step in order with its actor and time, and finish", async () => {
    const { procedureFlowchartSvg } = await import("../charts/procedure-flowchart-svg.js");
    const pic = procedureFlowchartSvg([
      { id: "a", text: "Pemohon mendaftar <di desa>", actor: "Pemohon", duration: { value: 1, unit: "hari-kerja" } },
      { id: "b", text: "Petugas merekam data ".repeat(8) },
    ]);
    const texts = [...pic.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts[0]).toBe("Mulai");
    expect(texts[texts.length - 1]).toBe("Selesai");
    expect(texts).toContain("1. Pemohon mendaftar &lt;di desa&gt;");
    expect(texts).toContain("1 hari kerja");
    expect(texts.filter((t) => t!.includes("Petugas")).length).toBeGreaterThan(1); // wrapped
    expect(pic.svg.match(/<rect /g)).toHaveLength(4);
    expect(pic.svg.match(/<path /g)).toHaveLength(3);
  });
});
