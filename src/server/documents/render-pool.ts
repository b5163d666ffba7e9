// Documents are rendered in worker threads with a time and a memory limit, so one plan with
// huge texts cannot freeze the server (the event loop keeps answering) or exhaust its heap.
// Concurrency is capped per server (a small queue waits briefly for a free worker) and per user;
// past the caps the answer is 503 `document.busy` with Retry-After, past the limits 422
// `document.too_large`. Workers are reused; one that times out or runs out of memory is ended.
import { Worker } from "node:worker_threads";
import type { Plan } from "../../domain/plan/schema.js";
import type { RenderOptions, RenderedDocument } from "../../documents/index.js";
import type { RenderReply, RenderRequest } from "../../documents/render-worker.js";
import { apiError } from "../errors.js";

export type DocumentLimits = {
  /** Longest one document may take to render (default 60 s). */
  timeoutMs?: number;
  /** Heap of one rendering worker (default 512 MB). */
  maxMemoryMb?: number;
  /** Documents rendered at once by this server (default 2). */
  perServer?: number;
  /** Documents one user may have rendering or waiting at once (default 1). */
  perUser?: number;
  /** Requests waiting for a free worker (default 8); each waits at most `queueWaitMs` (default 10 s). */
  queue?: number;
  queueWaitMs?: number;
};

type Resolved = Required<DocumentLimits>;

export function resolveDocumentLimits(o: DocumentLimits = {}): Resolved {
  return { timeoutMs: o.timeoutMs ?? 60_000, maxMemoryMb: o.maxMemoryMb ?? 512, perServer: o.perServer ?? 2, perUser: o.perUser ?? 1, queue: o.queue ?? 8, queueWaitMs: o.queueWaitMs ?? 10_000 };
}

/** The document error a worker reported, rebuilt for the route (it maps it to the catalog). */
export class WorkerDocumentError extends Error {
  constructor(readonly report: Extract<RenderReply, { documentError: unknown }>["documentError"]) {
    super(report.bilingual.en);
  }
}

const WORKER_URL = new URL("../../documents/render-worker.js", import.meta.url);
const WORKER_TS_URL = new URL("../../documents/render-worker.ts", import.meta.url);

/** A worker that has loaded the renderers (it says "ready"); start-up is not a render's time. */
function startWorker(maxMemoryMb: number): Promise<Worker> {
  const resourceLimits = { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, maxMemoryMb) };
  // From the TypeScript sources (tests, `npm run dev:cli`) the worker loads through tsx.
  const worker = import.meta.url.endsWith(".ts")
    ? new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(WORKER_TS_URL.href)}); })`, { eval: true, resourceLimits })
    : new Worker(WORKER_URL, { resourceLimits });
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (m !== "ready") return;
      worker.off("error", onError);
      worker.off("message", onMessage);
      resolve(worker);
    };
    const onError = (e: Error) => {
      worker.off("message", onMessage);
      void worker.terminate();
      reject(e);
    };
    worker.on("message", onMessage);
    worker.once("error", onError);
  });
}

export type RenderPool = {
  render(userId: string, kind: string, format: string, plan: Plan, options: RenderOptions): Promise<RenderedDocument>;
  close(): Promise<void>;
  /** For tests: documents rendering now. */
  active(): number;
};

/**
 * Idle workers by heap limit, shared by every pool of the process: loading the renderers takes
 * a worker seconds, and a test run builds many apps. Idle workers are unref'd, so they never
 * keep the process alive.
 */
const IDLE_WORKERS = new Map<number, Worker[]>();

export function renderPool(options: DocumentLimits = {}): RenderPool {
  const limits = resolveDocumentLimits(options);
  const idle: Worker[] = IDLE_WORKERS.get(limits.maxMemoryMb) ?? [];
  IDLE_WORKERS.set(limits.maxMemoryMb, idle);
  /** This pool's workers rendering now. */
  const all = new Set<Worker>();
  let running = 0;
  const perUser = new Map<string, number>();
  const waiting: Array<() => void> = [];

  const busy = (retryAfterSeconds: number) => apiError("document.busy", { extra: { retryAfterSeconds } });

  async function slot(): Promise<void> {
    if (running < limits.perServer) {
      running++;
      return;
    }
    if (waiting.length >= limits.queue) throw busy(5);
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = waiting.indexOf(wake);
        if (i >= 0) waiting.splice(i, 1);
        reject(busy(5));
      }, limits.queueWaitMs);
      waiting.push(wake);
    });
    // The finishing render handed its slot over: `running` stays counted.
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  function end(worker: Worker): void {
    all.delete(worker);
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
    void worker.terminate();
  }

  function runOn(worker: Worker, request: RenderRequest): Promise<RenderedDocument> {
    return new Promise<RenderedDocument>((resolve, reject) => {
      const tooLarge = (why: "time" | "memory") =>
        apiError("document.too_large", {
          detail:
            why === "time"
              ? { id: `pembuatan dokumen melebihi ${Math.round(limits.timeoutMs / 1000)} detik; persingkat teks rencana`, en: `rendering took longer than ${Math.round(limits.timeoutMs / 1000)} s; shorten the plan's texts` }
              : { id: "pembuatan dokumen melebihi batas memori; persingkat teks rencana", en: "rendering exceeded its memory limit; shorten the plan's texts" },
        });
      const done = () => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const timer = setTimeout(() => {
        done();
        end(worker);
        reject(tooLarge("time"));
      }, limits.timeoutMs);
      const onMessage = (reply: RenderReply) => {
        done();
        all.delete(worker);
        idle.push(worker);
        worker.unref();
        if (reply.ok) resolve({ bytes: reply.bytes, contentType: reply.contentType, fileName: reply.fileName });
        else if ("documentError" in reply) reject(new WorkerDocumentError(reply.documentError));
        else reject(new Error(`document worker failed: ${reply.crash}`));
      };
      const onError = (e: Error & { code?: string }) => {
        done();
        end(worker);
        reject(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooLarge("memory") : e);
      };
      const onExit = () => {
        done();
        end(worker);
        reject(tooLarge("memory"));
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.ref();
      worker.postMessage(request);
    });
  }

  return {
    async render(userId, kind, format, plan, renderOptions) {
      const mine = perUser.get(userId) ?? 0;
      if (mine >= limits.perUser) throw busy(2);
      perUser.set(userId, mine + 1);
      try {
        await slot();
        try {
          const worker = idle.pop() ?? (await startWorker(limits.maxMemoryMb));
          all.add(worker);
          return await runOn(worker, { kind, format, plan, options: renderOptions });
        } finally {
          release();
        }
      } finally {
        const n = (perUser.get(userId) ?? 1) - 1;
        if (n <= 0) perUser.delete(userId);
        else perUser.set(userId, n);
      }
    },
    /** Ends the renders still running; idle workers stay for the next pool (they are unref'd). */
    async close() {
      await Promise.all([...all].map((w) => w.terminate()));
      all.clear();
    },
    active: () => running,
  };
}

