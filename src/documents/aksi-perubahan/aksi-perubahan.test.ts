// The change-action plan: its model (milestones grouped by horizon, times from the schedule),
// and the DOCX (through LibreOffice) and PDF (through pdftotext) holding its parts in order.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { formatRentangTanggal } from "../../domain/format/indonesian.js";
import { schedulePlan } from "../../domain/schedule/index.js";
import { convertWithLibreOffice } from "../../test-support/libreoffice.js";
import { renderDocument } from "../index.js";
import { dense, examplePlan, findOutOfOrder, hostilePlan, LONG_TEXT, LONG_WORD, MARKUP, squash, withoutPageFooters } from "../test-plans.js";
import { aksiPerubahanModel, MILESTONE_COLUMNS, NONE, STAKEHOLDER_COLUMNS, TEAM_COLUMNS, type AksiPerubahanModel } from "./model.js";

const run = promisify(execFile);

async function pdfText(file: string, mode: "-layout" | "-raw"): Promise<string> {
  const { stdout } = await run("pdftotext", [mode, "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

describe("aksiPerubahanModel", () => {
  it("groups activities under the milestone they lead to, per horizon, with scheduled times", () => {
    const plan = examplePlan();
    const m = aksiPerubahanModel(plan);
    expect(m.horizons.map((h) => h.heading)).toEqual(["Jangka Pendek", "Jangka Menengah", "Jangka Panjang"]);
    const schedule = schedulePlan(plan);
    if (!schedule.ok) throw new Error("example must schedule");
    const byId = new Map(schedule.schedule.activities.map((a) => [a.id, a]));
    const names = new Map(plan.activities.map((a) => [a.name, a]));
    for (const h of m.horizons) {
      for (const g of h.groups) {
        const milestone = names.get(g.milestone);
        for (const row of g.activities) {
          const a = names.get(row.name)!;
          // Every activity sits in its own horizon, and its time is the schedule's.
          expect(a.horizon).toBe(h.horizon);
          const s = byId.get(a.id)!;
          expect(row.time).toBe(formatRentangTanggal(s.start, s.finish));
          // An activity under a milestone finishes no later than the milestone.
          if (milestone) expect(s.finish <= byId.get(milestone.id)!.finish).toBe(true);
        }
      }
    }
    // Every activity of the plan appears once: as a milestone or as a row.
    const shown = m.horizons.flatMap((h) => h.groups.flatMap((g) => [g.milestone, ...g.activities.map((a) => a.name)])).filter((n) => n !== NONE);
    expect(shown.sort()).toEqual(plan.activities.map((a) => a.name).sort());
    expect(m.scheduleNote).toBeUndefined();
  });

  it("shows the stakeholders by quadrant, promoters first", () => {
    const m = aksiPerubahanModel(examplePlan());
    const order = ["Promoters", "Latents", "Defenders", "Apathetics"];
    const ranks = m.stakeholders.map((s) => order.indexOf(s.group));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(m.stakeholders.find((s) => s.group === "Promoters")?.strategy).toBe("kelola dengan cermat");
  });

  it("prints — for times when the schedule cannot be computed, and says why", () => {
    const plan = examplePlan();
    const first = plan.activities[0]!;
    const last = plan.activities[plan.activities.length - 1]!;
    first.dependsOn.push({ activityId: last.id, type: "FS", lagDays: 0 });
    const m = aksiPerubahanModel(plan);
    expect(m.scheduleNote).toMatch(/Jadwal belum dapat dihitung/);
    expect(m.horizons.flatMap((h) => h.groups.flatMap((g) => g.activities.map((a) => a.time)))).toSatisfy((times: string[]) => times.every((t) => t === NONE));
  });

  it("puts activities without a horizon in their own section", () => {
    const plan = examplePlan();
    for (const a of plan.activities) delete a.horizon;
    const m = aksiPerubahanModel(plan);
    expect(m.horizons.map((h) => h.groups.length)).toEqual([0, 0, 0, expect.any(Number)]);
    expect(m.horizons[3]?.heading).toBe("Belum Ditentukan Jangka Waktunya");
  });
});

function requiredParts(m: AksiPerubahanModel): string[] {
  return [
    "RANCANGAN AKSI PERUBAHAN",
    m.subtitle,
    "A. Identitas",
    ...m.identity.flatMap((r) => [r.label, r.value]),
    "B. Tujuan",
    "C. Indikator Keberhasilan",
    "D. Tahapan (Milestone)",
    ...m.horizons.flatMap((h, i) => [
      `${i + 1}. ${h.heading}`,
      ...MILESTONE_COLUMNS,
      ...h.groups.flatMap((g) => [g.no, g.milestone, ...g.activities.flatMap((a) => [a.name, a.output, a.time])]),
    ]),
    "E. Analisis Pemangku Kepentingan",
    ...STAKEHOLDER_COLUMNS,
    ...m.stakeholders.flatMap((s) => [s.name, s.group, s.strategy]),
    "F. Tim Efektif",
    ...TEAM_COLUMNS,
    ...m.team.flatMap((x) => [x.role, x.name, x.nipLine ?? "", x.position]),
  ];
}

describe("aksi-perubahan documents", () => {
  const example = examplePlan();
  const hostile = hostilePlan();
  const text: Record<string, string> = {};

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), "aksi-test-"));
    const docxFiles: string[] = [];
    for (const [name, plan] of Object.entries({ example, hostile })) {
      const docx = await renderDocument("aksi-perubahan", "docx", plan);
      const pdf = await renderDocument("aksi-perubahan", "pdf", plan);
      const docxFile = join(dir, `${name}.docx`);
      await writeFile(docxFile, docx.bytes);
      docxFiles.push(docxFile);
      const pdfFile = join(dir, `${name}.pdf`);
      await writeFile(pdfFile, pdf.bytes);
      text[`${name}.pdf`] = await pdfText(pdfFile, "-raw");
      text[`${name}.pdf-layout`] = await pdfText(pdfFile, "-layout");
    }
    const outputs = await convertWithLibreOffice(docxFiles, "txt:Text (encoded):UTF8", dir);
    text["example.docx"] = await readFile(outputs[0] ?? "", "utf8");
    text["hostile.docx"] = await readFile(outputs[1] ?? "", "utf8");
  }, 300_000);

  for (const format of ["docx", "pdf"]) {
    it(`${format}: holds every part in order`, () => {
      expect(findOutOfOrder(withoutPageFooters(text[`example.${format}`] ?? ""), requiredParts(aksiPerubahanModel(example)), "dense")).toBeUndefined();
    });
  }

  it("pdf: reads the headings in order on the page (pdftotext -layout)", () => {
    const headings = ["RANCANGAN AKSI PERUBAHAN", "A. Identitas", "D. Tahapan (Milestone)", "1. Jangka Pendek", "2. Jangka Menengah", "3. Jangka Panjang", "E. Analisis Pemangku Kepentingan", "F. Tim Efektif"];
    expect(findOutOfOrder(text["example.pdf-layout"] ?? "", headings)).toBeUndefined();
  });

  it("keeps hostile text literal in both files", () => {
    const docx = text["hostile.docx"] ?? "";
    expect(docx).toContain(MARKUP);
    expect(docx).toContain(LONG_WORD);
    expect(squash(docx)).toContain(LONG_TEXT);
    const pdf = withoutPageFooters(text["hostile.pdf"] ?? "");
    expect(squash(pdf)).toContain(squash(MARKUP));
    // The 10,000-character word is the ketua's name (identity, owner cells, team table) and an
    // activity's name: every place prints it whole, none drops the row it is in. In the PDF the
    // word runs over pages, so repeated table headers interrupt it: count its letters instead.
    const places = JSON.stringify(aksiPerubahanModel(hostile)).split(LONG_WORD).length - 1;
    expect(places).toBeGreaterThanOrEqual(3);
    expect(docx.split(LONG_WORD).length - 1).toBe(places);
    const letters = (dense(pdf).match(/W/g) ?? []).length;
    expect(letters).toBeGreaterThanOrEqual(places * LONG_WORD.length);
  });
});
