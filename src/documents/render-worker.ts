// Runs in a worker thread (src/server/documents/render-pool.ts): renders one document per
// message, so a slow or huge document costs this thread, never the server's event loop.
import { parentPort } from "node:worker_threads";
import type { Plan } from "../domain/plan/schema.js";
import { DocumentError, renderDocument, type RenderOptions } from "./index.js";

export type RenderRequest = { kind: string; format: string; plan: Plan; options: RenderOptions };
export type RenderReply =
  | { ok: true; bytes: Uint8Array; contentType: string; fileName: string }
  | { ok: false; documentError: { code: DocumentError["code"]; bilingual: DocumentError["bilingual"]; details: DocumentError["details"] } }
  | { ok: false; crash: string };

// Loaded: the pool starts a render's clock only now, so start-up is not counted against it.
parentPort?.postMessage("ready");

parentPort?.on("message", (request: RenderRequest) => {
  renderDocument(request.kind, request.format, request.plan, request.options).then(
    (doc) => {
      const reply: RenderReply = { ok: true, bytes: doc.bytes, contentType: doc.contentType, fileName: doc.fileName };
      parentPort?.postMessage(reply);
    },
    (e: unknown) => {
      const reply: RenderReply =
        e instanceof DocumentError
          ? { ok: false, documentError: { code: e.code, bilingual: e.bilingual, details: e.details } }
          : { ok: false, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      parentPort?.postMessage(reply);
    },
  );
});
