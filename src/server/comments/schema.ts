// Inputs of the comments resource (.strict(): nothing is mass-assigned) and their OpenAPI shapes.
import { z } from "zod";
import { DIFF_STAGES } from "../../domain/plan/diff.js";

const lang = z.enum(["id", "en"]).optional();
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

/** Stage slugs of the workspace (the same as the diff's grouping). */
/** The plan's stages, and the public side's screen (comments and presence there, no plan part of its own). */
export const COMMENT_STAGES = [...DIFF_STAGES, "layanan-publik"] as const;
export const COMMENT_BODY_MAX = 5000;

/** An item id as plans write them (`k3`, `r12`, `sh-2`): short, no spaces. */
const itemRef = z.string().min(1).max(200);

export const listCommentsQuery = z.strictObject({
  stage: z.preprocess(emptyAsUndefined, z.enum(COMMENT_STAGES).optional()),
  itemRef: z.preprocess(emptyAsUndefined, itemRef.optional()),
  lang,
});

export const newCommentBody = z.strictObject({
  stage: z.enum(COMMENT_STAGES).optional(),
  itemRef: itemRef.optional(),
  // Surrounding blanks are dropped; a comment of only blanks is empty.
  body: z.string().trim().min(1).max(COMMENT_BODY_MAX),
});

/** Resolving takes no input; an empty object (what a client sends as "no body") is accepted. */
export const resolveBody = z.strictObject({});

export const commentParams = z.strictObject({ id: z.string().min(1).max(200), commentId: z.string().min(1).max(200) });

// --- OpenAPI (documentation only: validation happens in the handlers with zod) ---

const langDoc = { lang: { type: "string", enum: ["id", "en"] } };
const idParamsDoc = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
const comment = {
  type: "object",
  properties: {
    id: { type: "string" },
    authorId: { type: "string" },
    authorName: { type: "string" },
    stage: { type: "string", nullable: true, enum: [...COMMENT_STAGES, null] },
    itemRef: { type: "string", nullable: true },
    body: { type: "string" },
    version: { type: "integer" },
    createdAt: { type: "string", format: "date-time" },
    resolvedAt: { type: "string", format: "date-time", nullable: true },
    resolvedBy: { type: "string", nullable: true },
    resolvedByName: { type: "string", nullable: true },
  },
};

export const commentDocs = {
  list: {
    tags: ["comments"],
    summary: "The plan's comments, oldest first (filter by stage or item)",
    params: idParamsDoc,
    querystring: { type: "object", properties: { stage: { type: "string", enum: [...COMMENT_STAGES] }, itemRef: { type: "string" }, ...langDoc } },
    response: { 200: { type: "object", properties: { items: { type: "array", items: comment } } } },
  },
  create: {
    tags: ["comments"],
    summary: "Comment on the plan, a stage or an item (itemRef: an id in the current plan)",
    params: idParamsDoc,
    querystring: { type: "object", properties: langDoc },
    body: {
      type: "object",
      properties: { stage: { type: "string", enum: [...COMMENT_STAGES] }, itemRef: { type: "string" }, body: { type: "string", minLength: 1, maxLength: COMMENT_BODY_MAX } },
      required: ["body"],
    },
    response: { 201: comment },
  },
  resolve: {
    tags: ["comments"],
    summary: "Mark a comment resolved (idempotent)",
    params: { type: "object", properties: { id: { type: "string" }, commentId: { type: "string" } }, required: ["id", "commentId"] },
    querystring: { type: "object", properties: langDoc },
    response: { 200: comment },
  },
} as const;
