// A Server-Sent Events reader over fetch, for tests and the realtime benchmark: parses the
// stream as a browser's EventSource does (event, id, data, comment lines) and lets a test
// wait for the event it expects.
export type SseEvent = { event: string; id?: string; data: unknown; at: number };

export type SseStream = {
  status: number;
  headers: Headers;
  events: SseEvent[];
  /** Comment lines seen (heartbeats). */
  comments: string[];
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  /** The first event (from `from` on) matching, waiting up to `timeoutMs`. */
  next: (match: (e: SseEvent) => boolean, timeoutMs?: number, from?: number) => Promise<SseEvent>;
  close: () => void;
};

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };
  let done = false;
  const ended = (async () => {
    if (!res.body || !(res.headers.get("content-type") ?? "").startsWith("text/event-stream")) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let current: { event: string; id?: string; data: string[] } = { event: "message", data: [] };
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += value;
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, "");
          buffer = buffer.slice(nl + 1);
          if (line === "") {
            if (current.data.length > 0) {
              const text = current.data.join("\n");
              let data: unknown = text;
              try {
                data = JSON.parse(text);
              } catch {
                /* kept as text */
              }
              events.push({ event: current.event, ...(current.id !== undefined ? { id: current.id } : {}), data, at: performance.now() });
              notify();
            }
            current = { event: "message", data: [] };
          } else if (line.startsWith(":")) {
            comments.push(line.slice(1).trim());
            notify();
          } else {
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            const val = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "event") current.event = val;
            else if (field === "data") current.data.push(val);
            else if (field === "id") current.id = val;
          }
        }
      }
    } catch {
      /* aborted by close() */
    } finally {
      done = true;
      notify();
    }
  })();

  const next = (match: (e: SseEvent) => boolean, timeoutMs = 5000, from = 0) =>
    new Promise<SseEvent>((resolve, reject) => {
      const check = () => {
        const found = events.slice(from).find(match);
        if (found) {
          cleanup();
          resolve(found);
        } else if (done) {
          cleanup();
          reject(new Error(`stream ended without the expected event; got ${JSON.stringify(events.map((e) => e.event))}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no expected event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.event, e.id]))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return { status: res.status, headers: res.headers, events, comments, ended, next, close: () => controller.abort() };
}
