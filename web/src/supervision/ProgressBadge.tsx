// The supervision status at a glance: sesuai / terlambat / kritis with the deviation.
import { useTranslation } from "react-i18next";
import { formatAngka } from "../../../src/domain/format/indonesian.js";
import type { ProgressStatus } from "../../../src/domain/realization/progress.js";

export function ProgressBadge({ summary }: { summary: { status: ProgressStatus; deviation: number } }) {
  const { t } = useTranslation();
  const deviation = `${summary.deviation > 0 ? "+" : ""}${formatAngka(summary.deviation, 2)}%`;
  return (
    <span className={`progress-badge progress-${summary.status}`} data-testid="progress-badge" data-progress-status={summary.status}>
      {t(`pengawasan.status.${summary.status}`)} ({deviation})
    </span>
  );
}
