// When a plan's document may change, decided inside the write transaction against the row as
// it is then: under review it is locked; an approved plan stays the frozen baseline and the
// change opens a new revision (amendment) that must be reviewed again. An archived plan may
// still be corrected; it stays archived.
import type { Plan } from "../../domain/plan/schema.js";
import type { StoredPlan, VersionedChange } from "../../store/plans-repo.js";
import { apiError } from "../errors.js";

export function editChange(current: StoredPlan, edited: Plan): VersionedChange {
  const plan = withReportedRealization(current, edited);
  switch (current.status) {
    case "submitted":
      throw apiError("workflow.locked");
    case "approved":
      return {
        plan,
        status: "draft",
        workflow: { amendment: current.workflow.amendment + 1, reviewStep: null },
        detail: { reopened: true, amendment: current.workflow.amendment + 1 },
      };
    default:
      return { plan, status: current.status };
  }
}

/**
 * The realisation is written only by progress reports (POST …/realization/reports): an edit
 * that leaves it out keeps the reports; one that changes them is refused.
 */
function withReportedRealization(current: StoredPlan, edited: Plan): Plan {
  const kept = current.plan.realization;
  if (edited.realization === undefined) return kept === undefined ? edited : { ...edited, realization: kept };
  if (JSON.stringify(edited.realization) === JSON.stringify(kept)) return edited;
  throw apiError("validation.failed", {
    errors: [
      {
        path: "realization",
        code: "value.invalid",
        message: {
          id: "realisasi (laporan kemajuan) hanya dapat ditambah lewat formulir laporan kemajuan, bukan dengan mengubah rencana",
          en: "the realisation (progress reports) can only be added through a progress report, not by editing the plan",
        },
      },
    ],
  });
}
