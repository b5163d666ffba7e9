// The computed views the screens show come from the domain (src/domain/stages and
// src/domain/schedule) — the same functions the API and the documents use.
export {
  analysisOutputs,
  budgetOutputs,
  directionOutputs,
  stageOutputs,
  stakeholderQuadrant,
  STAKEHOLDER_QUADRANT_INFO,
  targetGroupOutputs,
  QUADRANT_INFO,
  type StakeholderQuadrant,
} from "../../../src/domain/stages/index.js";
export { resourceLoading } from "../../../src/domain/schedule/index.js";
