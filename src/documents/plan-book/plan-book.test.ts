// The plan book opened by real readers: the DOCX converted by LibreOffice, the PDF read by
// pdftotext. Both must hold the required parts in order, with the domain's totals.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Document, Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatAngka, formatRupiah } from "../../domain/format/indonesian.js";
import type { Plan } from "../../domain/plan/schema.js";
import { validatePlan } from "../../domain/plan/validate.js";
import { resourceLoading, schedulePlan } from "../../domain/schedule/index.js";
import { stageOutputs } from "../../domain/stages/index.js";
import { examplePlans, minimalPlan } from "../../test-support/fixtures.js";
import { convertWithLibreOffice, pdfToText } from "../../test-support/libreoffice.js";
import { missingPrograms } from "../../test-support/tools.js";
import { totalInWords } from "../budget/rab-xlsx.js";
import type { Block } from "./blocks.js";
import { renderPlanBookDocx, tableOf, tableXml } from "./docx.js";
import { blocksText, CHAPTERS, planBookModel } from "./model.js";
import { renderPlanBookPdf } from "./pdf.js";
import { WORLD_TEXT } from "../test-plans.js";

const run = promisify(execFile);
const skip = missingPrograms("soffice", "pdftotext", "pdfinfo");

function valid(json: unknown): Plan {
  const r = validatePlan(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.plan;
}

const squash = (s: string) => s.replace(/\s+/g, " ");

/** The parts a plan book must show, in the order it must show them. */
function requiredParts(plan: Plan): string[] {
  const o = stageOutputs(plan);
  const schedule = schedulePlan(plan);
  const words = totalInWords(o.budget.grandTotal);
  return [
    "RENCANA KEGIATAN PELAYANAN PUBLIK",
    plan.title.toUpperCase(),
    `TAHUN ANGGARAN ${plan.fiscalYear}`,
    CHAPTERS[0],
    CHAPTERS[1],
    `${formatAngka(o.targetGroups.groupCount)} kelompok sasaran dengan ${formatAngka(o.targetGroups.peopleCount)} orang`,
    CHAPTERS[2],
    "Matriks SWOT",
    "IFAS",
    "EFAS",
    "Matriks TOWS",
    CHAPTERS[3],
    "Pohon Arah Kegiatan",
    CHAPTERS[4],
    "Tabel Jadwal",
    ...(schedule.ok ? ["Jalur kritis", "Bagan Gantt"] : ["Jadwal belum dapat dihitung"]),
    CHAPTERS[5],
    "Kelebihan Alokasi",
    "Rencana Anggaran Biaya (RAB)",
    // (pdftotext may read the last subtotal between these two cells)
    "JUMLAH TOTAL",
    formatRupiah(o.budget.grandTotal),
    `Jumlah total anggaran: ${formatRupiah(o.budget.grandTotal)}`,
    `Terbilang: ${words.charAt(0).toUpperCase()}${words.slice(1)}`,
    CHAPTERS[6],
    "Strategi Pengelolaan Sumber Daya",
    "Mobilisasi Sumber Daya dari Mitra",
    CHAPTERS[7],
    ...(plan.team[0] ? [plan.team[0].name] : []),
    CHAPTERS[8],
    "Peta Pemangku Kepentingan",
    "Rencana Komunikasi",
  ];
}

/** Every part appears, each after the previous one. Reports the first that does not. */
function expectInOrder(text: string, parts: string[], label: string): void {
  const flat = squash(text);
  let from = 0;
  for (const part of parts) {
    const at = flat.indexOf(squash(part), from);
    expect(at, `${label}: "${part}" missing or out of order (searched from ${from})`).toBeGreaterThanOrEqual(0);
    from = at + squash(part).length;
  }
}

async function pageSizes(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "9999", pdf]);
  return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) > Number(m[2]) ? "landscape" : "portrait"));
}

const LONG_WORD = "W".repeat(200);
const HOSTILE = `<w:p><script>alert("x")</script> &amp; {{ "kutip" 'tunggal' }} ${WORLD_TEXT}`;
/** Refused by validation now; put in afterwards, as in a plan stored before that rule. */
const CONTROLS = "\u0000\u0007\u001b";

function hostilePlan(): Plan {
  const base = minimalPlan();
  const long = "panjang ".repeat(250); // 2,000 characters, the longest statement format v1 allows
  const plan = valid({
    ...base,
    title: `${HOSTILE} judul`,
    organization: { ...base.organization, unit: `${HOSTILE} unit` },
    targetGroups: [{ id: "g1", name: `${HOSTILE} kelompok`, size: 10, needs: long }],
    activities: base.activities.map((a) => ({ ...a, name: `${HOSTILE} ${a.name}`, output: long })),
    budget: [{ id: "b1", activityId: "k1", item: `${HOSTILE} barang`, volume: 2, unit: "<u>", unitPrice: 1500, taxPercent: 11 }],
    team: base.team.map((m) => ({ ...m, name: `${HOSTILE} ${m.name}`, duties: [long] })),
    stakeholders: base.stakeholders.map((s) => ({ ...s, name: `${HOSTILE} ${s.name}` })),
    teamProcedures: `${long} ${LONG_WORD}`,
  });
  plan.title = `${plan.title} ${CONTROLS}`;
  for (const a of plan.activities) a.name = `${a.name} ${CONTROLS}`;
  return plan;
}

describe("plan book model", () => {
  it("holds every chapter in order, the schedule of every activity and the domain's RAB total", () => {
    for (const [name, json] of [...examplePlans(), ["minimal", minimalPlan()] as [string, unknown]]) {
      const plan = valid(json);
      const model = planBookModel(plan);
      const text = blocksText([...model.cover, ...model.blocks]);
      expectInOrder(text, requiredParts(plan), name);
      for (const a of plan.activities) expect(text, `${name}: ${a.id}`).toContain(a.name);
      const gantt = model.blocks.filter((b) => b.kind === "picture" && b.caption.includes("Gantt"));
      expect(gantt.length, name).toBeGreaterThan(0);
      const rows = gantt.reduce((n, b) => n + (b.kind === "picture" ? (b.picture.svg.match(/class="gantt-row"/g) ?? []).length : 0), 0);
      expect(rows, `${name}: one Gantt row per activity`).toBe(plan.activities.length);
    }
  });

  it("states each resource's load once, with the schedule's peak, and no \"0 …\" kinds", () => {
    for (const [name, json] of examplePlans()) {
      const plan = valid(json);
      const blocks = planBookModel(plan).blocks;
      const text = blocksText(blocks);
      expect(text, name).not.toMatch(/\b0 (anggaran|SDM|sarana|material)/);
      expect(text, name).not.toMatch(/belum diisi: anggaran/);
      const tables = blocks.filter((b): b is Extract<Block, { kind: "table" }> => b.kind === "table" && b.header.some((h) => h.runs.some((r) => r.text === "Status")));
      expect(tables.length, `${name}: one resource table`).toBe(1);
      const rows = tables[0]!.rows.filter((r) => r.length === 6);
      expect(rows.map((r) => r[0]!.runs.map((x) => x.text).join("")).sort(), name).toEqual(plan.resources.map((r) => r.name).sort());
      const schedule = schedulePlan(plan);
      if (!schedule.ok) continue;
      const loading = resourceLoading(plan, schedule.schedule);
      for (const l of loading.resources) {
        const kind = plan.resources.find((r) => r.id === l.resourceId)?.kind;
        const row = rows.find((r) => r[0]!.runs.map((x) => x.text).join("") === l.name)!;
        expect(row[4]!.runs.map((x) => x.text).join(""), `${name}: ${l.name} peak`).toBe(Number.isInteger(l.peak) ? formatAngka(l.peak) : formatAngka(l.peak, 2).replace(/,?0+$/, ""));
        if (kind !== "material") expect(row[5]!.runs.map((x) => x.text).join(""), `${name}: ${l.name} status`).toBe(l.days.some((d) => d.need > d.available) ? "melebihi" : "cukup");
      }
    }
  });

  it("says so, instead of failing, when the schedule cannot be computed", () => {
    const base = minimalPlan();
    const plan = valid({
      ...base,
      activities: base.activities.map((a) => (a.id === "k1" ? { ...a, dependsOn: [{ activityId: "k2", type: "FS", lagDays: 0 }] } : a)),
    });
    const text = blocksText(planBookModel(plan).blocks);
    expect(text).toContain("Jadwal belum dapat dihitung");
    expect(text).toContain("JUMLAH TOTAL");
  });
});

describe("plan book DOCX tables", () => {
  it("are written as XML exactly as docx writes the same table", async () => {
    const table: Extract<Block, { kind: "table" }> = {
      kind: "table",
      widths: [1, 3, 2, 2],
      fontSizePt: 9,
      header: [
        { runs: [{ text: "No", bold: true }], align: "center", fill: "#d9e2f3" },
        { runs: [{ text: "Uraian", bold: true }], align: "center", fill: "#d9e2f3", colSpan: 2 },
        { runs: [{ text: "Jumlah", bold: true, italic: true }], align: "right", fill: "#d9e2f3" },
      ],
      rows: [
        [{ runs: [{ text: "1" }], align: "right" }, { runs: [{ text: `baris satu\nbaris dua ${HOSTILE}` }, { text: " miring", italic: true }] }, { runs: [] , align: "justify" }, { runs: [{ text: "Rp 1.500" }], align: "right" }],
        [{ runs: [{ text: "JUMLAH", bold: true }], colSpan: 3, fill: "#f2f2f2" }, { runs: [{ text: "Rp 1.500", bold: true }], align: "right", fill: "#f2f2f2" }],
      ],
    };
    const geo = { textWidthPt: 481.9, textHeightPt: 700, pngs: new Map() };
    const zip = unzipSync(new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [tableOf(table, geo, 11)] }] }))));
    const documentXml = strFromU8(zip["word/document.xml"]!);
    const fromDocx = documentXml.slice(documentXml.indexOf("<w:tbl>"), documentXml.indexOf("</w:tbl>") + "</w:tbl>".length);
    expect(fromDocx.length).toBeGreaterThan(0);
    expect(tableXml(table, geo, 11)).toBe(fromDocx);
  });
});

describe.skipIf(skip !== undefined)("plan book files read by LibreOffice and pdftotext", () => {
  it("DOCX and PDF hold the required parts in order, for every example plan", { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "plan-book-"));
    const plans: [string, Plan][] = [...examplePlans().map(([n, j]) => [n.replace(/\.json$/, ""), valid(j)] as [string, Plan]), ["minimal", minimalPlan()]];
    const docxFiles: string[] = [];
    const pdfFiles: string[] = [];
    for (const [name, plan] of plans) {
      const docx = join(dir, `${name}.docx`);
      const pdf = join(dir, `${name}.pdf`);
      await writeFile(docx, await renderPlanBookDocx(plan));
      await writeFile(pdf, await renderPlanBookPdf(plan));
      docxFiles.push(docx);
      pdfFiles.push(pdf);
    }
    const texts = await convertWithLibreOffice(docxFiles, "txt:Text (encoded):UTF8", join(dir, "txt"));
    const pdfsFromDocx = await convertWithLibreOffice(docxFiles, "pdf", join(dir, "lo-pdf"));
    for (let i = 0; i < plans.length; i++) {
      const [name, plan] = plans[i]!;
      const parts = requiredParts(plan);
      expectInOrder(await readFile(texts[i]!, "utf8"), parts, `${name}.docx via LibreOffice`);
      expectInOrder(await pdfToText(pdfFiles[i]!), parts, `${name}.pdf via pdftotext`);
      // The Gantt chart and the RAB sit on landscape pages, the rest is portrait, in both files.
      for (const file of [pdfFiles[i]!, pdfsFromDocx[i]!]) {
        const sizes = await pageSizes(file);
        expect(sizes[0], file).toBe("portrait");
        expect(sizes.filter((s) => s === "landscape").length, file).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("keeps hostile text literal and both files valid", { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "plan-book-hostile-"));
    const plan = hostilePlan();
    const docx = join(dir, "hostile.docx");
    const pdf = join(dir, "hostile.pdf");
    await writeFile(docx, await renderPlanBookDocx(plan));
    await writeFile(pdf, await renderPlanBookPdf(plan));
    const [txt] = await convertWithLibreOffice([docx], "txt:Text (encoded):UTF8", join(dir, "txt"));
    const literal = `<w:p><script>alert("x")</script> &amp; {{ "kutip" 'tunggal' }}`;
    const fromDocx = await readFile(txt!, "utf8");
    const fromPdf = await pdfToText(pdf);
    for (const [label, text] of [["docx", fromDocx], ["pdf", fromPdf]] as const) {
      expect(text, label).toContain(`${literal}`);
      // Emoji and right-to-left words are drawn (pdftotext gives right-to-left words in visual order).
      for (const word of WORLD_TEXT.split(" ")) expect(text, label).toContain(word);
      expect(squash(text), label).toContain(squash(`Jumlah total anggaran: ${formatRupiah(stageOutputs(plan).budget.grandTotal)}`));
      expectInOrder(text, [CHAPTERS[0], CHAPTERS[4], CHAPTERS[8]], `hostile ${label}`);
    }
    // Control characters arrive as visible stand-ins in the Word file (␀ ␇ ␛), never raw.
    // The 200-letter word is wrapped in pieces, every letter kept (W appears nowhere else in capitals this long).
    expect(squash(fromPdf).replace(/\s/g, "")).toContain(LONG_WORD);
    expect(fromDocx).toContain("\u2400\u2407\u241b");
    expect(fromDocx).not.toMatch(/[\u0000\u0007\u001b]/);
  });
});
