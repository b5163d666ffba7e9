// A plan with realisation reports (the adminduk example after approval), for the CLI, document,
// API and e2e tests of supervision. The reports are listed out of date order on purpose.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plan, RealizationReport } from "../domain/plan/schema.js";

export const REALIZATION_EXAMPLE = fileURLToPath(new URL("../../examples/adminduk-keliling-lansia.json", import.meta.url));

export const EXAMPLE_REPORTS: RealizationReport[] = [
  {
    date: "2027-02-01",
    activities: [
      { activityId: "k02", percent: 60 },
      { activityId: "k03", percent: 20, actualStart: "2027-01-27" },
    ],
    spending: [{ budgetId: "b03", amount: 2_400_000, reference: "SP2D 0031/LS/2027" }],
    reportedBy: "Agus Priyanto, S.STP., M.Si.",
  },
  {
    date: "2027-01-15",
    activities: [
      { activityId: "k01", percent: 100, actualStart: "2027-01-04", actualFinish: "2027-01-05" },
      { activityId: "k02", percent: 30, actualStart: "2027-01-06" },
    ],
    spending: [{ budgetId: "b01", amount: 1_500_000, reference: "SP2D 0012/LS/2027", date: "2027-01-12" }],
    note: "Jaringan internet di kantor kecamatan terputus dua hari",
    followUp: "Berkoordinasi dengan Diskominfo untuk modem cadangan",
    reportedBy: "Agus Priyanto, S.STP., M.Si.",
  },
];

export function realizationPlan(reports: RealizationReport[] = EXAMPLE_REPORTS): Plan {
  const plan = JSON.parse(readFileSync(REALIZATION_EXAMPLE, "utf8")) as Plan;
  return { ...plan, realization: { reports } };
}
