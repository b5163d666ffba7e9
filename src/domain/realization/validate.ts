// Checks of the realisation section that zod cannot say: every report names activities and
// RAB lines that exist, an activity once per report, and dates that make sense. Messages name
// the field by its label (as the screen shows it), in Indonesian and English.
import type { Bilingual, PlanError } from "../messages.js";
import type { Plan } from "../plan/schema.js";

const LABEL = {
  activityId: { id: "kegiatan", en: "activity" },
  budgetId: { id: "baris RAB", en: "cost plan line" },
  actualFinish: { id: "selesai sebenarnya", en: "actual finish" },
} as const;

function reportLabel(date: string): Bilingual {
  return { id: `Laporan kemajuan ${date}`, en: `Progress report ${date}` };
}

/** Errors of `plan.realization`, with paths like `realization.reports[2].activities[0].activityId`. */
export function realizationErrors(plan: Plan, activityIds: ReadonlySet<string>, budgetIds: ReadonlySet<string>): PlanError[] {
  const errors: PlanError[] = [];
  plan.realization?.reports.forEach((report, r) => {
    const base = `realization.reports[${r}]`;
    const label = reportLabel(report.date);
    const seen = new Map<string, number>();
    report.activities.forEach((a, i) => {
      const path = `${base}.activities[${i}]`;
      if (!activityIds.has(a.activityId)) {
        errors.push({
          path: `${path}.activityId`,
          code: "reference.missing",
          message: {
            id: `${label.id}, ${LABEL.activityId.id}: "${a.activityId}" tidak ada di daftar kegiatan`,
            en: `${label.en}, ${LABEL.activityId.en}: "${a.activityId}" is not in the activity list`,
          },
        });
      }
      const first = seen.get(a.activityId);
      if (first !== undefined) {
        errors.push({
          path: `${path}.activityId`,
          code: "value.duplicate",
          message: {
            id: `${label.id}, ${LABEL.activityId.id}: "${a.activityId}" sudah dilaporkan di butir ${first + 1}`,
            en: `${label.en}, ${LABEL.activityId.en}: "${a.activityId}" is already reported in item ${first + 1}`,
          },
        });
      } else seen.set(a.activityId, i);
      if (a.actualStart !== undefined && a.actualFinish !== undefined && a.actualFinish < a.actualStart) {
        errors.push({
          path: `${path}.actualFinish`,
          code: "value.invalid",
          message: {
            id: `${label.id}, ${LABEL.actualFinish.id}: ${a.actualFinish} lebih awal dari mulai sebenarnya ${a.actualStart}`,
            en: `${label.en}, ${LABEL.actualFinish.en}: ${a.actualFinish} is before the actual start ${a.actualStart}`,
          },
        });
      }
    });
    report.spending.forEach((s, i) => {
      if (!budgetIds.has(s.budgetId)) {
        errors.push({
          path: `${base}.spending[${i}].budgetId`,
          code: "reference.missing",
          message: {
            id: `${label.id}, ${LABEL.budgetId.id}: "${s.budgetId}" tidak ada di RAB`,
            en: `${label.en}, ${LABEL.budgetId.en}: "${s.budgetId}" is not in the cost plan (RAB)`,
          },
        });
      }
    });
  });
  return errors;
}
