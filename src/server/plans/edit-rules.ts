// When a plan's document may change, decided inside the write transaction against the row as
// it is then: under review it is locked; an approved plan stays the frozen baseline and the
// change opens a new revision (amendment) that must be reviewed again. An archived plan may
// still be corrected; it stays archived.
import type { Plan } from "../../domain/plan/schema.js";
import type { StoredPlan, VersionedChange } from "../../store/plans-repo.js";
import { apiError } from "../errors.js";

export function editChange(current: StoredPlan, plan: Plan): VersionedChange {
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
