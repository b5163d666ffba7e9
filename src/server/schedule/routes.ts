// GET /api/plans/:id/schedule: the plan's computed schedule (critical path), the same JSON
// as `rencana schedule --json`; a dependency cycle is 422 naming the activities in it.
import type { FastifyPluginAsync } from "fastify";
import { scheduleJson, schedulePlan } from "../../domain/schedule/index.js";
import type { PlansRepo } from "../../store/plans-repo.js";
import type { Database } from "../../store/database.js";
import { organizationScheduleOptions } from "../calendar/routes.js";
import { policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { langQuery, planIdParams } from "../plans/schema.js";
import { parseInput } from "../plans/routes.js";

export const scheduleRoutes: FastifyPluginAsync<{ repo: PlansRepo; database: Database }> = async (app, { repo, database }) => {
  app.get(
    "/plans/:id/schedule",
    {
      config: { policy: policies.plan("read") },
      schema: {
        tags: ["plans"],
        summary: "The computed schedule: dates, floats and the critical path (422 on a dependency cycle)",
        params: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
        querystring: { type: "object", properties: { lang: { type: "string", enum: ["id", "en"] } } },
      },
    },
    async (request) => {
      parseInput(langQuery, request.query);
      const { id } = parseInput(planIdParams, request.params);
      const stored = await repo.get(id);
      if (!stored) throw apiError("not_found");
      // The organisation's working calendar (its decreed years, libur daerah) over the built-in table.
      const result = schedulePlan(stored.plan, await organizationScheduleOptions(database.db, stored.organizationId));
      if (!result.ok) {
        throw apiError("schedule.cycle", {
          detail: result.error.message,
          errors: [{ path: "activities", code: result.error.code, message: result.error.message }],
          extra: { cycle: result.error.cycle },
        });
      }
      return scheduleJson(result.schedule);
    },
  );
};
