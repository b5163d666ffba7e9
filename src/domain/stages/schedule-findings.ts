// Findings of stage 4 that need no schedule computation (stage "jadwal"); dependency cycles
// and dates are the scheduler's (src/domain/schedule).
import type { Plan } from "../plan/schema.js";
import { findingsFor } from "./finding.js";

export function scheduleFindings(plan: Plan) {
  const { out, add } = findingsFor("jadwal");
  if (plan.activities.length > 0 && !plan.activities.some((a) => a.durationDays === 0)) {
    add("warning", "activities.milestones.none", "activities", {
      id: "rencana belum memiliki tonggak (milestone, kegiatan berdurasi 0 hari)",
      en: "the plan has no milestones (activities of 0 days)",
    });
  }
  if (plan.activities.length > 0 && !plan.activities.some((a) => a.horizon !== undefined)) {
    add("info", "activities.horizon.none", "activities", {
      id: "belum ada kegiatan yang diberi jangka (pendek, menengah, panjang) untuk rancangan aksi perubahan",
      en: "no activity has a horizon (short, medium, long term) for the change-action plan",
    });
  }
  if (!plan.start.startsWith(`${String(plan.fiscalYear).padStart(4, "0")}-`)) {
    add("warning", "plan.start.outsideFiscalYear", "start", {
      id: `tanggal mulai ${plan.start} berada di luar tahun anggaran ${plan.fiscalYear}`,
      en: `the start date ${plan.start} lies outside fiscal year ${plan.fiscalYear}`,
    });
  }
  return out;
}
