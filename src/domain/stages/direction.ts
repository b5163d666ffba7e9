// Stage 3 output: the formulated direction as one tree (vision → missions → goals → targets →
// programs → activities) and the traceability of every activity to its target and strategies.
//
// Format v1 links an activity to a program and to a target independently, so under each target
// the tree groups that target's activities by program (plan order; "no program" last).
// Missions and policies are flat lists in format v1: they hang off the vision.
import type { Activity, Plan } from "../plan/schema.js";

export type ActivityNode = {
  id: string;
  name: string;
  output: string | null;
  durationDays: number;
  milestone: boolean;
  strategyIds: string[];
  ownerId: string | null;
};

export type ProgramNode = { programId: string | null; programName: string | null; activities: ActivityNode[] };
export type TargetNode = { id: string; text: string; indicator: string; targetValue: string; programs: ProgramNode[] };
export type GoalNode = { id: string; text: string; targets: TargetNode[] };

export type DirectionTree = {
  vision: string;
  missions: string[];
  policies: string[];
  goals: GoalNode[];
  /** Activities that name no target (grouped by program like the rest). */
  untargeted: ProgramNode[];
};

export type TraceRow = {
  activityId: string;
  activityName: string;
  targetId: string | null;
  goalId: string | null;
  programId: string | null;
  strategyIds: string[];
  strategyKinds: string[];
};

export type Traceability = {
  rows: TraceRow[];
  targetsWithoutActivity: string[];
  activitiesWithoutTarget: string[];
  /** Empty when the plan has no strategies: then there is nothing to trace to. */
  activitiesWithoutStrategy: string[];
  strategiesWithoutActivity: string[];
};

export type DirectionOutputs = {
  counts: { missions: number; goals: number; targets: number; policies: number; programs: number; activities: number; milestones: number };
  tree: DirectionTree;
  traceability: Traceability;
};

function activityNode(a: Activity): ActivityNode {
  return {
    id: a.id,
    name: a.name,
    output: a.output ?? null,
    durationDays: a.durationDays,
    milestone: a.durationDays === 0,
    strategyIds: a.strategyIds ?? [],
    ownerId: a.ownerId ?? null,
  };
}

function byProgram(plan: Plan, activities: readonly Activity[]): ProgramNode[] {
  const nodes: ProgramNode[] = [];
  for (const p of plan.direction.programs) {
    const own = activities.filter((a) => a.programId === p.id);
    if (own.length > 0) nodes.push({ programId: p.id, programName: p.name, activities: own.map(activityNode) });
  }
  const known = new Set(plan.direction.programs.map((p) => p.id));
  const rest = activities.filter((a) => a.programId === undefined || !known.has(a.programId));
  if (rest.length > 0) nodes.push({ programId: null, programName: null, activities: rest.map(activityNode) });
  return nodes;
}

export function directionTree(plan: Plan): DirectionTree {
  const d = plan.direction;
  const targetIds = new Set(d.targets.map((t) => t.id));
  return {
    vision: d.vision,
    missions: [...d.missions],
    policies: [...d.policies],
    goals: d.goals.map((g) => ({
      id: g.id,
      text: g.text,
      targets: d.targets
        .filter((t) => t.goalId === g.id)
        .map((t) => ({
          id: t.id,
          text: t.text,
          indicator: t.indicator,
          targetValue: t.targetValue,
          programs: byProgram(plan, plan.activities.filter((a) => a.targetId === t.id)),
        })),
    })),
    untargeted: byProgram(plan, plan.activities.filter((a) => a.targetId === undefined || !targetIds.has(a.targetId))),
  };
}

export function traceability(plan: Plan): Traceability {
  const targets = new Map(plan.direction.targets.map((t) => [t.id, t]));
  const strategies = new Map(plan.analysis.strategies.map((s) => [s.id, s]));
  const rows: TraceRow[] = plan.activities.map((a) => {
    const target = a.targetId !== undefined ? targets.get(a.targetId) : undefined;
    const strategyIds = (a.strategyIds ?? []).filter((id) => strategies.has(id));
    return {
      activityId: a.id,
      activityName: a.name,
      targetId: target?.id ?? null,
      goalId: target?.goalId ?? null,
      programId: a.programId ?? null,
      strategyIds,
      strategyKinds: [...new Set(strategyIds.map((id) => strategies.get(id)!.kind))],
    };
  });
  const served = new Set(rows.map((r) => r.targetId).filter((id): id is string => id !== null));
  const used = new Set(rows.flatMap((r) => r.strategyIds));
  return {
    rows,
    targetsWithoutActivity: plan.direction.targets.filter((t) => !served.has(t.id)).map((t) => t.id),
    activitiesWithoutTarget: rows.filter((r) => r.targetId === null).map((r) => r.activityId),
    activitiesWithoutStrategy: strategies.size === 0 ? [] : rows.filter((r) => r.strategyIds.length === 0).map((r) => r.activityId),
    strategiesWithoutActivity: plan.analysis.strategies.filter((s) => !used.has(s.id)).map((s) => s.id),
  };
}

export function directionOutputs(plan: Plan): DirectionOutputs {
  const d = plan.direction;
  return {
    counts: {
      missions: d.missions.length,
      goals: d.goals.length,
      targets: d.targets.length,
      policies: d.policies.length,
      programs: d.programs.length,
      activities: plan.activities.length,
      milestones: plan.activities.filter((a) => a.durationDays === 0).length,
    },
    tree: directionTree(plan),
    traceability: traceability(plan),
  };
}
