// What a bagian hukum reviewer checks page by page, over plans that push the layout
// (test-plans.ts#documentVariants), on the native PDF and on the DOCX as LibreOffice prints it:
// the signature block is whole and shares its page with the last dictum (the Tembusan follows
// where it fits); the lampiran's signature shares its page with the last member; the decree
// number in the lampiran heading is on one line; no NIP is split; list numbers to 99 keep their
// space. One soffice run converts every DOCX.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decreeModel } from "../../domain/decree/model.js";
import type { Plan } from "../../domain/plan/schema.js";
import { convertWithLibreOffice } from "../../test-support/libreoffice.js";
import { renderDocument } from "../index.js";
import { lastPageWith, missingOnPage, onOneLine, pageWith, pdfPages } from "../page-checks.js";
import { documentVariants, LONG_DECREE_NUMBER } from "../test-plans.js";

const variants = documentVariants();

describe("sk: page invariants over layout variants", () => {
  const pages: Record<string, string[]> = {};

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "sk-pages-"));
    const docxFiles: string[] = [];
    for (const [name, plan] of Object.entries(variants)) {
      const pdf = join(dir, `${name}.pdf`);
      await writeFile(pdf, (await renderDocument("sk", "pdf", plan)).bytes);
      pages[`${name}.pdf`] = await pdfPages(pdf);
      const docx = join(dir, `${name}.docx`);
      await writeFile(docx, (await renderDocument("sk", "docx", plan)).bytes);
      docxFiles.push(docx);
    }
    const converted = await convertWithLibreOffice(docxFiles, "pdf", join(dir, "lo"));
    for (const [i, name] of Object.keys(variants).entries()) pages[`${name}.docx`] = await pdfPages(converted[i] ?? "");
  }, 300_000);

  const cases = Object.keys(variants).flatMap((name) => (["pdf", "docx"] as const).map((format) => [name, format] as const));

  it.each(cases)("%s (%s): the signature is whole, with the last dictum, and the Tembusan follows it", (name, format) => {
    const plan = variants[name] as Plan;
    const m = decreeModel(plan);
    const p = pages[`${name}.${format}`] ?? [];
    const s = m.signature;
    const at = pageWith(p, s.placeLine);
    expect(at, "Ditetapkan di …").toBeGreaterThanOrEqual(0);
    const last = m.dictums[m.dictums.length - 1]!;
    const whole = [s.placeLine, s.dateLine, s.officeLines.join(" "), s.name, ...(s.rank ? [s.rank] : []), ...(s.nipLine ? [s.nipLine] : [])];
    expect(missingOnPage(p, at, [...whole, `${last.ordinal} : ${last.text.slice(0, 40)}`])).toEqual([]);
    // The Tembusan starts on the signature's page when it is short (as it is in every variant).
    expect(missingOnPage(p, at, [m.copiesTo.heading, `1. ${m.copiesTo.items[0]?.text ?? ""}`])).toEqual([]);
  });

  it.each(cases)("%s (%s): the lampiran's signature shares its page with the last member, and the number is on one line", (name, format) => {
    const plan = variants[name] as Plan;
    const m = decreeModel(plan);
    const p = pages[`${name}.${format}`] ?? [];
    const lampiran = pageWith(p, "LAMPIRAN", pageWith(p, m.signature.placeLine) + 1);
    expect(lampiran).toBeGreaterThan(0);
    expect(onOneLine(p[lampiran] ?? "", `NOMOR ${LONG_DECREE_NUMBER}`)).toBe(true);
    const end = lastPageWith(p, m.signature.name);
    expect(end).toBeGreaterThanOrEqual(lampiran);
    const lastRow = m.appendix.rows.at(-1)!;
    expect(missingOnPage(p, end, [m.signature.officeLines.join(" "), ...(m.signature.nipLine ? [m.signature.nipLine] : []), lastRow.nipLine ?? lastRow.role])).toEqual([]);
  });

  it.each(cases)("%s (%s): no NIP is split and list numbers keep their space", (name, format) => {
    const m = decreeModel(variants[name] as Plan);
    const text = (pages[`${name}.${format}`] ?? []).join("\n");
    for (const r of m.appendix.rows) if (r.nipLine) expect(onOneLine(text, r.nipLine), r.nipLine).toBe(true);
    if (m.signature.nipLine) expect(onOneLine(text, m.signature.nipLine)).toBe(true);
    // "10.Peraturan" is a number that lost its space; "400.12" (a number) is not a list label.
    expect(text.match(/^\s*(?:\S.*\s)?\d{1,2}[.)]\p{L}/mu)).toBeNull();
    for (const l of m.legalBases) expect(text, `${l.label} …`).toMatch(new RegExp(`(^|\\s)${l.label.replace(".", "\\.")} +${l.text.slice(0, 5)}`, "m"));
  });

  it("a Keputusan Bupati carries the kepala daerah's kop, not the agency's", () => {
    for (const format of ["pdf", "docx"]) {
      const first = (pages[`bupati.${format}`] ?? [])[0] ?? "";
      expect(first.trimStart().split("\n")[0]?.trim()).toBe("BUPATI KARANGSARI");
      expect(first).not.toContain(variants.bupati!.organization.name.toUpperCase());
    }
  });
});
