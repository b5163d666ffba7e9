// Which screen shows which part of the plan: finding stages and JSON paths → stage slugs.
import type { Stage } from "../../../src/domain/findings.js";
import { stageOfSchemaPath } from "../../../src/domain/plan/diff.js";
import type { StageSlug } from "../router.js";

const FINDING_STAGE: Record<Stage, StageSlug> = {
  organisasi: "sasaran",
  sasaran: "sasaran",
  analisis: "analisis",
  kegiatan: "kegiatan",
  jadwal: "jadwal",
  "sumber-daya": "sumber-daya",
  tim: "tim",
  "pemangku-kepentingan": "pemangku-kepentingan",
  mobilisasi: "mobilisasi",
  keputusan: "dokumen",
  "standar-pelayanan": "dokumen",
};

export function slugOfFindingStage(stage: string): StageSlug {
  return FINDING_STAGE[stage as Stage] ?? "sasaran";
}

/** The screen that edits the value at a JSON path like `activities[2].dependsOn[0].lagDays`. */
export function slugOfPath(path: string): StageSlug {
  const names = path.replace(/\[[^\]]*\]/g, "").split(".").filter((n) => n !== "");
  return stageOfSchemaPath(names);
}

/**
 * Focus the input for `path`, or the nearest enclosing element that has a data-path.
 * `select`: the field itself is awaited (a row just added) and its text selected, so typing
 * replaces the placeholder name.
 */
export function focusPath(path: string, attempts = 10, select = false): void {
  window.dispatchEvent(new CustomEvent("rencana:focus", { detail: path }));
  if (select) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (el) {
      el.scrollIntoView({ block: "center" });
      el.focus();
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
    } else if (attempts > 0) setTimeout(() => focusPath(path, attempts - 1, true), 60);
    return;
  }
  let p = path;
  for (;;) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) {
      // A field folded away (e.g. a mobilisation card's details) is unfolded first.
      for (let d = el.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      el.scrollIntoView({ block: "center" });
      el.focus();
      return;
    }
    const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === p || shorter === "") break;
    p = shorter;
  }
  // The screen may still be rendering (stage switch, virtualised rows): try again shortly.
  if (attempts > 0) setTimeout(() => focusPath(path, attempts - 1), 60);
}
