// Findings about stakeholders and the communication plan (stage "pemangku-kepentingan").
import { PRINCIPLES, type Plan } from "../plan/schema.js";
import { findingsFor } from "./finding.js";
import { STAKEHOLDER_QUADRANT_INFO, stakeholderQuadrant } from "./stakeholders.js";
import { isBlank, nameOf } from "./text.js";

const FIELD_NAMES = {
  objective: { id: "tujuan", en: "objective" },
  message: { id: "pesan", en: "message" },
  channel: { id: "saluran", en: "channel" },
  frequency: { id: "frekuensi", en: "frequency" },
} as const;

export function stakeholderFindings(plan: Plan) {
  const { out, add } = findingsFor("pemangku-kepentingan");
  if (plan.stakeholders.length === 0) {
    add("warning", "stakeholders.empty", "stakeholders", { id: "pemangku kepentingan belum dipetakan", en: "no stakeholders are mapped yet" });
  }
  plan.stakeholders.forEach((s, i) => {
    if (stakeholderQuadrant(s) === "promoters" && !plan.communication.some((c) => c.stakeholderId === s.id)) {
      const info = STAKEHOLDER_QUADRANT_INFO.promoters;
      add("warning", "stakeholder.promoter.communication.missing", `stakeholders[${i}]`, {
        id: `${nameOf(s.id, s.name)} termasuk ${info.label.id} (${info.strategy.id}) tetapi belum memiliki baris rencana komunikasi`,
        en: `${nameOf(s.id, s.name)} is a ${info.label.en} stakeholder (${info.strategy.en}) but has no communication plan row`,
      }, s.id);
    }
  });
  const names = new Map(plan.stakeholders.map((s) => [s.id, s.name]));
  plan.communication.forEach((c, i) => {
    const who = nameOf(c.stakeholderId, names.get(c.stakeholderId));
    const missing = PRINCIPLES.filter((p) => !c.principles.includes(p));
    if (missing.length > 0) {
      add("info", "communication.principles.incomplete", `communication[${i}].principles`, {
        id: `komunikasi dengan ${who} belum memenuhi prinsip: ${missing.join(", ")}`,
        en: `communication with ${who} does not yet meet the principles: ${missing.join(", ")}`,
      }, c.id);
    }
    if (c.ownerId === undefined) {
      add("info", "communication.owner.missing", `communication[${i}].ownerId`, {
        id: `komunikasi dengan ${who} belum memiliki penanggung jawab dari tim`,
        en: `communication with ${who} has no owner from the team`,
      }, c.id);
    }
    for (const field of ["objective", "message", "channel", "frequency"] as const) {
      if (isBlank(c[field])) {
        add("warning", `communication.${field}.empty`, `communication[${i}].${field}`, {
          id: `${FIELD_NAMES[field].id} komunikasi dengan ${who} masih kosong`,
          en: `the ${FIELD_NAMES[field].en} of the communication with ${who} is empty`,
        }, c.id);
      }
    }
  });
  return out;
}
