// The screen for each stage of the method.
import type { Plan } from "../../../src/domain/plan/schema.js";
import type { ApiClient } from "../api/client.js";
import type { StageSlug } from "../router.js";
import type { PlanSession } from "../state/session.js";
import { AnalysisStage } from "./AnalysisStage.js";
import { ActivitiesStage } from "./ActivitiesStage.js";
import { DocumentsStage } from "./DocumentsStage.js";
import { MobilizationStage } from "./MobilizationStage.js";
import { PublicServiceStage } from "./PublicServiceStage.js";
import { ResourcesStage } from "./ResourcesStage.js";
import { ScheduleStage } from "./ScheduleStage.js";
import { StakeholdersStage } from "./StakeholdersStage.js";
import { TargetsStage } from "./TargetsStage.js";
import { TeamStage } from "./TeamStage.js";

export type StageProps = { plan: Plan; session: PlanSession; api: ApiClient };

export function StageScreen({ stage, ...props }: StageProps & { stage: StageSlug }) {
  switch (stage) {
    case "sasaran":
      return <TargetsStage {...props} />;
    case "analisis":
      return <AnalysisStage {...props} />;
    case "kegiatan":
      return <ActivitiesStage {...props} />;
    case "jadwal":
      return <ScheduleStage {...props} />;
    case "sumber-daya":
      return <ResourcesStage {...props} />;
    case "tim":
      return <TeamStage {...props} />;
    case "pemangku-kepentingan":
      return <StakeholdersStage {...props} />;
    case "mobilisasi":
      return <MobilizationStage {...props} />;
    case "dokumen":
      return <DocumentsStage {...props} />;
    case "layanan-publik":
      return <PublicServiceStage {...props} />;
    case "pengawasan":
      // The workspace shows SupervisionStage itself (it needs the workflow and stays writable after approval).
      return null;
  }
}
