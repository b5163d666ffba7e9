// A 500-activity plan for the documents benchmark: the demo plan's organisation, analysis,
// team and stakeholders around bench/schedule's seeded random schedule, with realistic names,
// two RAB lines per activity and resource assignments, so every chapter of the plan book is full.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plan } from "../../src/domain/plan/schema.js";
import { validatePlan } from "../../src/domain/plan/validate.js";
import { generatePlanInput, mulberry32 } from "../schedule/generate.js";

export const DEMO_PLAN_FILE = fileURLToPath(new URL("../../examples/adminduk-keliling-lansia.json", import.meta.url));

export function demoPlan(): Plan {
  const r = validatePlan(JSON.parse(readFileSync(DEMO_PLAN_FILE, "utf8")));
  if (!r.ok) throw new Error(`demo plan invalid: ${JSON.stringify(r.errors.slice(0, 2))}`);
  return r.plan;
}

const VERBS = ["Penyusunan", "Pelaksanaan", "Koordinasi", "Sosialisasi", "Pendataan", "Verifikasi", "Pelayanan keliling", "Evaluasi", "Pelaporan", "Pengadaan"];
const OBJECTS = ["data sasaran lansia", "jadwal pelayanan desa", "perangkat perekaman KTP-el", "petugas regu lapangan", "dokumen kependudukan", "kerja sama dengan puskesmas", "laporan bulanan", "blangko dan bahan cetak"];

export function benchPlan(activities = 500, seed = 20261127): Plan {
  const demo = demoPlan();
  const input = generatePlanInput({ activities, seed });
  const random = mulberry32(seed + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const memberIds = demo.team.map((m) => m.id);
  const resourceIds = demo.resources.map((r) => r.id);
  const acts = input.activities.map((a, i) => ({
    ...a,
    name: `${pick(VERBS)} ${pick(OBJECTS)} tahap ${Math.floor(i / 40) + 1} nomor ${i + 1}`,
    output: `Keluaran kegiatan ${i + 1}: ${pick(OBJECTS)} tersedia`,
    ...(memberIds.length > 0 ? { ownerId: pick(memberIds) } : {}),
  }));
  const budget = acts.flatMap((a, i) => [
    { id: `b${i}a`, activityId: a.id, item: `Makanan dan minuman rapat ${a.name}`, volume: 10 + (i % 30), unit: "kotak", unitPrice: 35_000, account: "5.1.02.01.01.0052", source: "APBD" },
    { id: `b${i}b`, activityId: a.id, item: `Perjalanan dinas dalam kota ${a.name}`, volume: 2 + (i % 7) * 0.5, unit: "OH", unitPrice: 150_000, taxPercent: i % 3 === 0 ? 11 : 0, account: "5.1.02.04.01.0003", source: i % 4 === 0 ? "DAK" : "APBD" },
  ]);
  const assignments = acts.filter((a) => a.durationDays > 0 && resourceIds.length > 0).map((a, i) => ({ activityId: a.id, resourceId: resourceIds[i % resourceIds.length]!, quantity: 1 + (i % 3) }));
  const plan = {
    ...demo,
    title: `${demo.title} (uji ${activities} kegiatan)`,
    start: input.start,
    fiscalYear: Number(input.start.slice(0, 4)),
    calendar: input.calendar,
    activities: acts,
    budget,
    assignments,
    // The demo's activity ids are gone: keep strategy/target links only where they still resolve.
    communication: demo.communication,
  };
  const r = validatePlan(plan);
  if (!r.ok) throw new Error(`bench plan invalid: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.plan;
}
