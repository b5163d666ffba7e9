// Findings of stage 3: vision, missions, goals, targets, policies, programs and activities
// (stage "kegiatan"), using the stage's traceability output.
import type { Plan } from "../plan/schema.js";
import { traceability } from "./direction.js";
import { findingsFor } from "./finding.js";
import { isBlank, nameOf } from "./text.js";

export function directionFindings(plan: Plan) {
  const { out, add } = findingsFor("kegiatan");
  const d = plan.direction;

  if (isBlank(d.vision)) add("error", "direction.vision.empty", "direction.vision", { id: "visi belum dirumuskan", en: "the vision is not formulated yet" });
  if (d.missions.every(isBlank)) add("warning", "direction.missions.empty", "direction.missions", { id: "misi belum dirumuskan", en: "no mission is formulated yet" });
  if (d.goals.length === 0) add("error", "direction.goals.empty", "direction.goals", { id: "tujuan belum dirumuskan", en: "no goal is formulated yet" });
  d.goals.forEach((g, i) => {
    if (!d.targets.some((t) => t.goalId === g.id)) {
      add("warning", "goal.targets.none", `direction.goals[${i}]`, {
        id: `tujuan ${nameOf(g.id, g.text)} belum memiliki sasaran`,
        en: `goal ${nameOf(g.id, g.text)} has no target`,
      }, g.id);
    }
  });
  d.targets.forEach((t, i) => {
    if (isBlank(t.indicator)) {
      add("error", "target.indicator.empty", `direction.targets[${i}].indicator`, {
        id: `sasaran ${nameOf(t.id, t.text)} belum memiliki indikator`,
        en: `target ${nameOf(t.id, t.text)} has no indicator`,
      }, t.id);
    }
    if (isBlank(t.targetValue)) {
      add("error", "target.targetValue.empty", `direction.targets[${i}].targetValue`, {
        id: `sasaran ${nameOf(t.id, t.text)} belum memiliki nilai target`,
        en: `target ${nameOf(t.id, t.text)} has no target value`,
      }, t.id);
    }
  });
  if (d.policies.every(isBlank)) add("info", "direction.policies.empty", "direction.policies", { id: "kebijakan belum dirumuskan", en: "no policy is formulated yet" });
  if (d.programs.length === 0) add("warning", "direction.programs.empty", "direction.programs", { id: "program belum ditentukan", en: "no program is set yet" });

  if (plan.activities.length === 0) {
    add("error", "activities.empty", "activities", { id: "belum ada kegiatan", en: "no activities yet" });
  }
  const hasStrategies = plan.analysis.strategies.length > 0;
  plan.activities.forEach((a, i) => {
    const p = `activities[${i}]`;
    const name = nameOf(a.id, a.name);
    if (a.ownerId === undefined) {
      add("error", "activity.owner.missing", `${p}.ownerId`, {
        id: `kegiatan ${name} belum memiliki penanggung jawab dari tim`,
        en: `activity ${name} has no person in charge from the team`,
      }, a.id);
    }
    if (isBlank(a.output)) {
      add("warning", "activity.output.missing", `${p}.output`, {
        id: `keluaran (output) kegiatan ${name} belum diisi`,
        en: `the output of activity ${name} is not filled in`,
      }, a.id);
    }
    if (a.targetId === undefined) {
      add("warning", "activity.target.missing", `${p}.targetId`, {
        id: `kegiatan ${name} belum dikaitkan dengan sasaran`,
        en: `activity ${name} is not linked to a target`,
      }, a.id);
    }
    // Milestones mark a result; the work that reaches it carries the strategy.
    if (hasStrategies && a.durationDays > 0 && (a.strategyIds ?? []).length === 0) {
      add("info", "activity.strategy.missing", `${p}.strategyIds`, {
        id: `kegiatan ${name} belum dikaitkan dengan strategi TOWS`,
        en: `activity ${name} is not linked to a TOWS strategy`,
      }, a.id);
    }
  });
  const trace = traceability(plan);
  if (plan.activities.length > 0) {
    for (const id of trace.targetsWithoutActivity) {
      const i = d.targets.findIndex((t) => t.id === id);
      add("warning", "target.activities.none", `direction.targets[${i}]`, {
        id: `sasaran ${nameOf(id, d.targets[i]?.text)} belum dilayani kegiatan mana pun`,
        en: `target ${nameOf(id, d.targets[i]?.text)} is served by no activity`,
      }, id);
    }
  }
  for (const id of trace.strategiesWithoutActivity) {
    const i = plan.analysis.strategies.findIndex((s) => s.id === id);
    add("info", "strategy.activities.none", `analysis.strategies[${i}]`, {
      id: `strategi ${nameOf(id, plan.analysis.strategies[i]?.text)} belum dijabarkan dalam kegiatan`,
      en: `strategy ${nameOf(id, plan.analysis.strategies[i]?.text)} is not carried out by any activity`,
    }, id);
  }
  return out;
}
