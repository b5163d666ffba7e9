// The team decree, DOCX and PDF, read back the way a reader gets it: DOCX through LibreOffice
// (converted to text), PDF through poppler's pdftotext. One soffice run converts every DOCX.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { decreeModel } from "../../domain/decree/model.js";
import { formatNip, formatTanggal } from "../../domain/format/indonesian.js";
import type { Plan } from "../../domain/plan/schema.js";
import { convertWithLibreOffice } from "../../test-support/libreoffice.js";
import { DocumentError, renderDocument } from "../index.js";
import { literalText } from "../literal-text.js";
import { CONTROL, dense, examplePlan, findOutOfOrder, hostilePlan, LONG_TEXT, LONG_WORD, MARKUP, squash, withoutPageFooters, WORD_3000, WORLD_TEXT } from "../test-plans.js";

const run = promisify(execFile);

/** `-layout` keeps the page's look (columns side by side); `-raw` keeps drawing order, which reads table cells whole. */
async function pdfText(file: string, mode: "-layout" | "-raw" = "-layout"): Promise<string> {
  const { stdout } = await run("pdftotext", [mode, "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run("pdfinfo", [file]);
  return Object.fromEntries(stdout.split("\n").map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]));
}

/** The parts a decree must show, in order, derived from the plan. */
function requiredParts(plan: Plan): string[] {
  const d = plan.decree;
  const issuer = d.issuerTitle.toUpperCase();
  const subject = (d.subject ?? `Pembentukan Tim Pelaksana ${plan.title}`).toUpperCase();
  const m = decreeModel(plan);
  const nip = `NIP. ${formatNip(d.signatory.nip ?? "")}`;
  return [
    plan.organization.government ?? "",
    plan.organization.name.toUpperCase(),
    `KEPUTUSAN ${issuer}`,
    `NOMOR ${d.number}`,
    "TENTANG",
    subject,
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    `${issuer},`,
    "Menimbang",
    ":",
    "a.",
    "bahwa",
    "b.",
    "bahwa",
    "c.",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b",
    "Mengingat",
    "1.",
    "Undang-Undang Nomor",
    "2.",
    "MEMUTUSKAN:",
    "Menetapkan",
    `KEPUTUSAN ${issuer} TENTANG ${subject}.`,
    "KESATU",
    "Membentuk",
    "KEDUA",
    "KETIGA",
    ...m.dictums.slice(3).map((x) => x.ordinal),
    "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    `Ditetapkan di ${d.place}`,
    `pada tanggal ${formatTanggal(d.date ?? "")}`,
    `${issuer},`,
    d.signatory.name,
    nip,
    "Tembusan:",
    `1. ${d.copiesTo[0]}`,
    "LAMPIRAN",
    `KEPUTUSAN ${issuer}`,
    `NOMOR ${d.number}`,
    `TANGGAL ${formatTanggal(d.date ?? "")}`,
    `TENTANG ${subject}`,
    "SUSUNAN KEANGGOTAAN TIM",
    "No",
    "Jabatan dalam Tim",
    "Nama/NIP",
    "Jabatan",
    "Pengarah",
    "Penanggung Jawab",
    "Ketua",
    "Sekretaris",
    "Anggota",
    `${issuer},`,
    d.signatory.name,
    nip,
  ];
}

describe("sk: team decree documents", () => {
  const example = examplePlan();
  const hostile = hostilePlan();
  const a4 = structuredClone(example);
  a4.organization.paper = "A4";
  a4.organization.font = "Arial";
  let dir: string;
  const text: Record<string, string> = {};
  const pdfFiles: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sk-test-"));
    const plans = { example, hostile, a4 };
    const docxFiles: string[] = [];
    for (const [name, plan] of Object.entries(plans)) {
      const docx = await renderDocument("sk", "docx", plan);
      const pdf = await renderDocument("sk", "pdf", plan);
      expect(docx.contentType).toMatch(/wordprocessingml/);
      expect(pdf.contentType).toBe("application/pdf");
      const docxFile = join(dir, `${name}.docx`);
      await writeFile(docxFile, docx.bytes);
      docxFiles.push(docxFile);
      pdfFiles[name] = join(dir, `${name}.pdf`);
      await writeFile(pdfFiles[name], pdf.bytes);
      // Page numbers ("- 2 -") stand between the last line of a page and the first of the next.
      text[`${name}.pdf`] = withoutPageFooters(await pdfText(pdfFiles[name], "-raw"));
      text[`${name}.pdf-layout`] = withoutPageFooters(await pdfText(pdfFiles[name]));
    }
    const outputs = await convertWithLibreOffice(docxFiles, "txt:Text (encoded):UTF8", dir);
    for (const [i, name] of Object.keys(plans).entries()) text[`${name}.docx`] = await readFile(outputs[i] ?? "", "utf8");
  }, 300_000);

  for (const format of ["docx", "pdf"]) {
    it(`${format}: holds every required part in order`, () => {
      expect(findOutOfOrder(text[`example.${format}`] ?? "", requiredParts(example))).toBeUndefined();
    });
    if (format === "pdf") {
      it("pdf: reads in order on the page too (pdftotext -layout), up to the members table", () => {
        const parts = requiredParts(example);
        expect(findOutOfOrder(text["example.pdf-layout"] ?? "", parts.slice(0, parts.indexOf("SUSUNAN KEANGGOTAAN TIM") + 1))).toBeUndefined();
      });
    }
    it(`${format}: lists every member in the lampiran, in role order, with a spaced NIP`, () => {
      const rows = decreeModel(example).appendix.rows;
      const after = (text[`example.${format}`] ?? "").slice((text[`example.${format}`] ?? "").indexOf("SUSUNAN KEANGGOTAAN"));
      expect(findOutOfOrder(after, rows.flatMap((r) => [r.role, r.name, r.nipLine ?? "", r.position]))).toBeUndefined();
    });
  }

  it("pdf: numbers pages from the second, centred at the top as \"- 2 -\"", async () => {
    const { stdout } = await run("pdftotext", ["-layout", "-f", "1", "-l", "2", pdfFiles.example ?? "", "-"]);
    const [first = "", second = ""] = stdout.split("\f");
    // pdftotext may drop the narrow spaces: "- 2 -" reads as "-2-".
    expect(first).not.toMatch(/^\s*-\s*\d+\s*-\s*$/m);
    expect(second.trimStart()).toMatch(/^-\s*2\s*-\n/);
  });

  it("pdf: is the paper of the organisation (F4 by default, A4 when set) and names the font substitution", async () => {
    const f4 = await pdfInfo(pdfFiles.example ?? "");
    expect(f4["Page size"]).toMatch(/^609\.\d+ x 935\.\d+ pts/); // 215 × 330 mm
    expect(f4.Subject).toMatch(/Bookman Old Style/);
    const a4info = await pdfInfo(pdfFiles.a4 ?? "");
    expect(a4info["Page size"]).toMatch(/^595\.\d+ x 841\.\d+ pts/);
    expect(findOutOfOrder(text["a4.pdf"] ?? "", requiredParts(a4))).toBeUndefined();
  });

  it("docx: opens in LibreOffice with hostile text, which comes out literally", () => {
    const t = text["hostile.docx"] ?? "";
    expect(t).toContain(MARKUP);
    // Forbidden characters become visible stand-ins (␀, ␁, …); the vertical tab is whitespace.
    expect(t).toContain(literalText(CONTROL.replace(/\s/g, " ")));
    // In the legal bases, in KEDUA (naming the ketua) and in the members table.
    expect(t.split(LONG_WORD).length - 1).toBe(3);
    expect(squash(t)).toContain(LONG_TEXT);
    expect(t).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(t).toContain(WORLD_TEXT);
    expect(dense(t)).toContain(WORD_3000);
  });

  it("pdf: stays valid with hostile text, which comes out literally", async () => {
    const info = await pdfInfo(pdfFiles.hostile ?? "");
    expect(Number(info.Pages)).toBeGreaterThan(1);
    const t = text["hostile.pdf"] ?? "";
    expect(squash(t)).toContain(squash(MARKUP));
    expect(squash(t)).toContain(LONG_TEXT);
    // In the legal bases and as the ketua's name in the members table: no row is dropped. The
    // word may run over pages (repeated table headers interrupt it), so count its letters.
    const letters = (dense(t).match(/W/g) ?? []).length;
    expect(letters).toBeGreaterThanOrEqual(2 * LONG_WORD.length);
    // Letters around the forbidden characters survive in order.
    expect(dense(t)).toMatch(/a.?b.?c.?d.?e.?f.?g.?h.?i/);
    expect((dense(t).match(/Q/g) ?? []).length).toBe(WORD_3000.length);
  });

  it("pdf: prints every script through the fallback fonts, and markup as typed (no space inserted after \"/\")", async () => {
    const layout = text["hostile.pdf-layout"] ?? "";
    // Justified lines must not spread a word at its inner break points: "</ w:t>".
    expect(layout).toContain("</w:t>");
    expect(layout).not.toMatch(/<\/ /);
    // Emoji, Arabic and Hebrew are drawn (pdftotext gives right-to-left words in visual order).
    for (const word of WORLD_TEXT.split(" ")) expect(layout).toContain(word);
    const { stdout } = await run("pdffonts", [pdfFiles.hostile ?? ""]);
    for (const font of ["NotoNaskhArabic", "NotoSansHebrew", "Symbola"]) expect(stdout).toContain(font);
  });
});

describe("sk: authority refuses rendering", () => {
  const cases: Array<[string, (p: Plan) => void, string]> = [
    ["signatory does not hold the issuing office", (p) => (p.decree.signatory.position = "Kepala Bidang Pelayanan Pendaftaran Penduduk"), "decree.signatory.notIssuer"],
    [
      "a.n. without the office signed for",
      (p) => {
        p.decree.signatory.capacity = "an";
        p.decree.signatory.position = "Sekretaris Dinas";
      },
      "decree.signatory.onBehalfOfMissing",
    ],
    [
      "the team's ketua as signatory",
      (p) => {
        const ketua = p.team.find((m) => m.role === "ketua")!;
        p.decree.signatory = { ...p.decree.signatory, name: ketua.name, nip: ketua.nip ?? "" };
      },
      "decree.signatory.teamMember",
    ],
  ];
  for (const [label, change, code] of cases) {
    for (const format of ["docx", "pdf"]) {
      it(`${format}: ${label}`, async () => {
        const plan = examplePlan();
        change(plan);
        const error = await renderDocument("sk", format, plan).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DocumentError);
        const e = error as DocumentError;
        expect(e.code).toBe("document.refused");
        expect(e.details.map((d) => d.code)).toContain(code);
        expect(e.bilingual.id).toMatch(/tidak berwenang/);
        expect(e.details.find((d) => d.code === code)?.path).toMatch(/^decree\.signatory\./);
      });
    }
  }

  it("renders a draft without number, date or Tembusan, leaving blanks", async () => {
    const plan = examplePlan();
    delete plan.decree.number;
    delete plan.decree.date;
    plan.decree.copiesTo = [];
    const dir = await mkdtemp(join(tmpdir(), "sk-draft-"));
    const file = join(dir, "draft.pdf");
    await writeFile(file, (await renderDocument("sk", "pdf", plan)).bytes);
    const t = squash(await pdfText(file));
    expect(t).toMatch(/NOMOR \.{10,}/);
    expect(t).toMatch(/pada tanggal \.{10,}/);
    expect(t).not.toMatch(/Tembusan/);
    expect(t).toMatch(/LAMPIRAN/);
  });
});
