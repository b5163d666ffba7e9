// Supervision (pengawasan): realisation reports checked and compared with the plan.
export {
  computeProgress,
  progressJson,
  progressStatus,
  round2,
  PROGRESS_STATUSES,
  type AccountSpending,
  type ActivityProgress,
  type BaselineInput,
  type BaselineSummary,
  type CurvePoint,
  type ObstacleEntry,
  type ProgressOptions,
  type ProgressResult,
  type ProgressStatus,
  type ProgressView,
} from "./progress.js";
export { realizationErrors } from "./validate.js";
