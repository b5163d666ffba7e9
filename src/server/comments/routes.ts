// Comments on a plan: on the plan as a whole, on one stage (`stage`), or on one item
// (`itemRef`, an id in the current plan such as activity `k3`). Any team member or admin may
// comment and resolve; each write leaves an audit entry.
import type { FastifyPluginAsync } from "fastify";
import type { Database } from "../../store/database.js";
import { commentsRepo, type PlanComment } from "../../store/comments-repo.js";
import type { PeopleRepo } from "../../store/people-repo.js";
import type { PlansRepo } from "../../store/plans-repo.js";
import { policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { actorOf, parseInput } from "../plans/routes.js";
import { langQuery, planIdParams } from "../plans/schema.js";
import { planItemIds } from "./item-refs.js";
import { commentDocs, commentParams, listCommentsQuery, newCommentBody, resolveBody } from "./schema.js";

export type CommentsRoutesOptions = { database: Database; repo: PlansRepo; people: PeopleRepo };

export function presentComment(c: PlanComment, names: ReadonlyMap<string, string>) {
  return {
    id: c.id,
    authorId: c.authorId,
    authorName: names.get(c.authorId) ?? "",
    stage: c.stage,
    itemRef: c.itemRef,
    body: c.body,
    version: c.version,
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
    resolvedBy: c.resolvedBy,
    resolvedByName: c.resolvedBy === null ? null : (names.get(c.resolvedBy) ?? ""),
  };
}

export const commentRoutes: FastifyPluginAsync<CommentsRoutesOptions> = async (app, { database, repo, people }) => {
  const comments = commentsRepo(database.db);

  async function namesOf(list: readonly PlanComment[]): Promise<Map<string, string>> {
    const ids = list.flatMap((c) => (c.resolvedBy === null ? [c.authorId] : [c.authorId, c.resolvedBy]));
    return new Map((await people.usersByIds(ids)).map((u) => [u.id, u.name]));
  }

  app.get("/plans/:id/comments", { schema: commentDocs.list, config: { policy: policies.plan("read") } }, async (request) => {
    const { id } = parseInput(planIdParams, request.params);
    const { stage, itemRef } = parseInput(listCommentsQuery, request.query);
    const items = await comments.list(id, { ...(stage ? { stage } : {}), ...(itemRef ? { itemRef } : {}) });
    const names = await namesOf(items);
    return { items: items.map((c) => presentComment(c, names)) };
  });

  app.post("/plans/:id/comments", { schema: commentDocs.create, config: { policy: policies.plan("comment") } }, async (request, reply) => {
    parseInput(langQuery, request.query);
    const { id } = parseInput(planIdParams, request.params);
    const input = parseInput(newCommentBody, request.body);
    const current = await repo.get(id);
    if (!current) throw apiError("not_found");
    if (input.itemRef !== undefined && !planItemIds(current.plan).has(input.itemRef)) {
      throw apiError("request.invalid", {
        errors: [
          {
            path: "itemRef",
            code: "reference.missing",
            message: { id: `"${input.itemRef}" bukan kode butir di versi ${current.version} rencana ini`, en: `"${input.itemRef}" is not an item id in version ${current.version} of this plan` },
          },
        ],
      });
    }
    const actor = actorOf(request);
    const created = await comments.create(
      { planId: id, stage: input.stage ?? null, itemRef: input.itemRef ?? null, body: input.body, version: current.version },
      actor,
    );
    const presented = presentComment(created, await namesOf([created]));
    app.realtime.commentChanged(id, "created", presented);
    return reply.code(201).send(presented);
  });

  app.post("/plans/:id/comments/:commentId/resolve", { schema: commentDocs.resolve, config: { policy: policies.plan("comment") } }, async (request) => {
    parseInput(langQuery, request.query);
    const { id, commentId } = parseInput(commentParams, request.params);
    parseInput(resolveBody, request.body);
    const actor = actorOf(request);
    // Scoped by plan: a comment id of another plan is as unknown as a made-up one.
    const resolved = await comments.resolve(id, commentId, actor);
    if (!resolved) throw apiError("not_found");
    const presented = presentComment(resolved, await namesOf([resolved]));
    app.realtime.commentChanged(id, "resolved", presented);
    return presented;
  });
};
