// Protection of the public forms without any outside service: a signed timestamp in the form
// (HMAC with a secret every server shares through the database) gives the minimum fill time and
// a maximum age; a honeypot field catches form-filling robots; and a per-address counter in the
// database (one upsert per request) limits submissions per hour across every server process.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { PublicRepo } from "../../store/public-repo.js";
import type { DatabaseSchema } from "../../store/schema.js";
import { hitRateLimit } from "../../store/rate-limit-repo.js";
import { apiError } from "../errors.js";

export type PublicFormOptions = {
  /** A form sent sooner than this after it was served is refused (default 3 s). */
  minFillMs?: number;
  /** A form older than this is refused: reload the page (default 24 h). */
  maxAgeMs?: number;
  /** Complaints per client address per hour (default 10). */
  complaintsPerHour?: number;
  /** SKM questionnaires per client address per hour (default 20). */
  skmPerHour?: number;
  /** Public page views and status look-ups per client address per hour (default 600). */
  readsPerHour?: number;
  now?: () => number;
};

export type ResolvedPublicFormOptions = Required<PublicFormOptions>;

export function resolvePublicFormOptions(o: PublicFormOptions = {}): ResolvedPublicFormOptions {
  return {
    minFillMs: o.minFillMs ?? 3_000,
    maxAgeMs: o.maxAgeMs ?? 24 * 3_600_000,
    complaintsPerHour: o.complaintsPerHour ?? 10,
    skmPerHour: o.skmPerHour ?? 20,
    readsPerHour: o.readsPerHour ?? 600,
    now: o.now ?? Date.now,
  };
}

/** The honeypot's field name: hidden from people, tempting to robots. */
export const HONEYPOT_FIELD = "homepage";

const HOUR_MS = 3_600_000;

export type FormGuard = {
  /** A token for a form served now on this page. */
  token(slug: string): Promise<string>;
  /** Refuses a robot (honeypot filled), a form too fast or too old, or a forged token. */
  check(slug: string, token: unknown, honeypot: unknown): Promise<void>;
  /** Counts the request; 429 past the limit of the hour. */
  limit(kind: "complaint" | "skm" | "read", ip: string): Promise<void>;
};

export function formGuard(db: Kysely<DatabaseSchema>, repo: PublicRepo, options: ResolvedPublicFormOptions): FormGuard {
  let secret: Promise<string> | undefined;
  const key = () => (secret ??= repo.secret("public-forms").catch((e: unknown) => {
    secret = undefined;
    throw e;
  }));
  const sign = async (slug: string, issued: number) => createHmac("sha256", await key()).update(`${slug}\n${issued}`).digest("base64url");
  const rejected = (reason: "spam" | "too_fast" | "expired") => apiError("public_form.rejected", { extra: { reason } });

  return {
    async token(slug) {
      const issued = options.now();
      return `${issued}.${await sign(slug, issued)}`;
    },
    async check(slug, token, honeypot) {
      if (typeof honeypot === "string" && honeypot !== "") throw rejected("spam");
      const m = typeof token === "string" ? /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
      if (!m) throw rejected("expired");
      const issued = Number(m[1]);
      const expected = Buffer.from(await sign(slug, issued));
      const given = Buffer.from(m[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw rejected("expired");
      const age = options.now() - issued;
      if (age > options.maxAgeMs || age < -60_000) throw rejected("expired");
      if (age < options.minFillMs) throw rejected("too_fast");
    },
    async limit(kind, ip) {
      const max = kind === "complaint" ? options.complaintsPerHour : kind === "skm" ? options.skmPerHour : options.readsPerHour;
      const now = options.now();
      // The address is kept only as a keyed hash, and only for the hour it counts (shared counters: db-rate-limit.ts).
      const address = createHash("sha256").update(`${await key()}\n${ip}`).digest("base64url").slice(0, 32);
      const hit = await hitRateLimit(db, `public-${kind}|${address}`, HOUR_MS, now);
      if (hit.count > max) throw apiError("rate_limited", { extra: { retryAfterSeconds: Math.max(1, Math.ceil(hit.ttlMs / 1000)) } });
    },
  };
}
