// Request bodies of the workflow routes (zod, checked in the handlers) and their OpenAPI notes.
import { z } from "zod";

const comment = z.string().trim().min(1).max(5000);

/** submit, initial, approve: a remark is optional. */
export const actionBody = z.strictObject({ comment: comment.optional() });
/** return: the reason is required, so the penyusun knows what to change. */
export const returnBody = z.strictObject({ comment });

const idParams = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
const envelope = { description: "the plan envelope (as GET /api/plans/:id) after the action; ETag = version" };
const commentBody = (required: boolean) => ({
  type: "object",
  properties: { comment: { type: "string", minLength: 1, maxLength: 5000 } },
  ...(required ? { required: ["comment"] } : {}),
  additionalProperties: false,
});
const teamMember = { type: "object", properties: { userId: { type: "string" }, name: { type: "string" }, role: { type: "string" }, position: { type: "integer" } } };

export const docs = {
  getTeam: {
    tags: ["workflow"],
    summary: "The plan's team (and, for whoever may change it, the organisation's users who can join)",
    params: idParams,
    response: {
      200: {
        type: "object",
        properties: {
          members: { type: "array", items: teamMember },
          candidates: { type: "array", items: { type: "object", properties: { userId: { type: "string" }, name: { type: "string" }, roles: { type: "array", items: { type: "string" } } } } },
        },
      },
    },
  },
  putTeam: {
    tags: ["workflow"],
    summary: "Replace the plan's team (not while submitted)",
    params: idParams,
    body: {
      type: "object",
      required: ["members"],
      properties: {
        members: {
          type: "array",
          items: {
            type: "object",
            required: ["userId", "role"],
            properties: { userId: { type: "string" }, role: { type: "string", enum: ["penyusun", "pemeriksa", "penandatangan", "pembaca"] }, position: { type: "integer", minimum: 1 } },
          },
        },
      },
    },
  },
  submit: { tags: ["workflow"], summary: "Submit for review (draft or returned; the team needs a penandatangan)", params: idParams, body: commentBody(false), response: { 200: envelope } },
  initial: { tags: ["workflow"], summary: "Initial (paraf) as the reviewer whose turn it is", params: idParams, body: commentBody(false), response: { 200: envelope } },
  approve: { tags: ["workflow"], summary: "Approve and sign as the penandatangan after every reviewer: freezes the baseline, allocates the decree number", params: idParams, body: commentBody(false), response: { 200: envelope } },
  withdraw: { tags: ["workflow"], summary: "Withdraw a submitted plan back to draft (its penyusun, or an admin when the review is stuck)", params: idParams, body: commentBody(false), response: { 200: envelope } },
  return: { tags: ["workflow"], summary: "Return to the penyusun with a comment (the reviewer or signatory whose turn it is)", params: idParams, body: commentBody(true), response: { 200: envelope } },
  workflow: { tags: ["workflow"], summary: "The workflow state and its events with user names", params: idParams },
};
