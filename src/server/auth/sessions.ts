// Server-side sessions in an http-only cookie. The cookie holds a random token; the database
// keeps only its SHA-256, with the CSRF token, the last activity (idle timeout) and the
// absolute expiry. Sign-in is throttled per account and address, per address and per account
// (each attempt is recorded in the database before its password is checked, so every server
// shares the counts and a restart does not reset them) and rate-limited per client address.
import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import { signinRepo, type SigninLimits } from "../../store/signin-repo.js";
import { normalizeEmail, peopleRepo, type PeopleRepo, type Session, type User } from "../../store/people-repo.js";
import { apiError } from "../errors.js";
import { parseInput } from "../plans/routes.js";
import type { AuthContext } from "./context.js";
import { writeTransaction } from "../../store/plans-repo.js";
import { requireAuth } from "./context.js";
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import { orgAbilities, policies } from "./policy.js";

export const SESSION_COOKIE = "rl_session";

export type AuthOptions = {
  /** Signed out after this long without a request (default 30 minutes). */
  idleTimeoutMs?: number;
  /** Signed out this long after signing in, active or not (default 12 hours). */
  absoluteTimeoutMs?: number;
  /** Failed sign-ins per account from one client address within `signinWindowMs` before that address is throttled for that account (default 5). */
  maxFailedSignins?: number;
  /** Failed sign-ins from one client address over all accounts within the window (default 30). */
  maxFailedSigninsPerAddress?: number;
  /** Failed sign-ins on one account over all addresses within the window; beyond it only addresses the account signed in from before may try (default 20). */
  maxFailedSigninsPerAccount?: number;
  /** How long a successful sign-in keeps its address known to the account (default 30 days). */
  knownAddressMs?: number;
  /** Default 15 minutes. */
  signinWindowMs?: number;
  /** Sign-in requests per client address per minute (default 30). */
  signinRequestsPerMinute?: number;
  /** Document downloads per user per minute (default 30). */
  documentsPerMinute?: number;
  /** Send the cookie with `Secure` (behind HTTPS). Default: when NODE_ENV is production. */
  secureCookies?: boolean;
  /** The clock, for tests of expiry. */
  now?: () => number;
};

export type ResolvedAuthOptions = Required<AuthOptions>;

export function resolveAuthOptions(o: AuthOptions = {}): ResolvedAuthOptions {
  return {
    idleTimeoutMs: o.idleTimeoutMs ?? 30 * 60_000,
    absoluteTimeoutMs: o.absoluteTimeoutMs ?? 12 * 3_600_000,
    maxFailedSignins: o.maxFailedSignins ?? 5,
    maxFailedSigninsPerAddress: o.maxFailedSigninsPerAddress ?? 30,
    maxFailedSigninsPerAccount: o.maxFailedSigninsPerAccount ?? 20,
    knownAddressMs: o.knownAddressMs ?? 30 * 24 * 3_600_000,
    signinWindowMs: o.signinWindowMs ?? 15 * 60_000,
    signinRequestsPerMinute: o.signinRequestsPerMinute ?? 30,
    documentsPerMinute: o.documentsPerMinute ?? 30,
    secureCookies: o.secureCookies ?? process.env.NODE_ENV === "production",
    now: o.now ?? Date.now,
  };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const signinBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1000),
});

/** Seconds between touching last_seen_at: fewer writes, at the cost of this much idle-timeout slack. */
const TOUCH_EVERY_MS = 30_000;

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function presentUser(u: User) {
  return { id: u.id, email: u.email, name: u.name, nip: u.nip, unitId: u.unitId, roles: u.roles, disabled: u.disabled, version: u.version };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Attaches `request.auth` from the session cookie on every request and enforces the CSRF header on writes. */
export function installSessionHook(app: FastifyInstance, people: PeopleRepo, options: ResolvedAuthOptions): void {
  app.decorateRequest("auth", null);
  app.decorateRequest("authExpired", false);

  app.addHook("onRequest", async (request) => {
    request.auth = null;
    request.authExpired = false;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    // The session and its user in one query, once per request.
    const found = await people.getSessionWithUser(hashToken(token));
    if (!found) {
      request.authExpired = true;
      return;
    }
    const { session } = found;
    const now = options.now();
    const idle = now - Date.parse(session.lastSeenAt) > options.idleTimeoutMs;
    const absolute = now >= Date.parse(session.expiresAt);
    const user = idle || absolute ? undefined : found.user;
    if (!user || user.disabled) {
      await people.deleteSession(session.id);
      request.authExpired = true;
      return;
    }
    if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await people.touchSession(session.id, iso(now));
    request.auth = { user, session, organizationId: user.organizationId, roles: user.roles };
    // CSRF: a write must prove it comes from our page, which alone can read the token.
    if (UNSAFE_METHODS.has(request.method) && request.routeOptions.config.policy?.kind !== "public") {
      const header = request.headers["x-csrf-token"];
      if (typeof header !== "string" || header !== session.csrfToken) throw apiError("auth.csrf");
    }
  });
}

export type SessionRoutesOptions = { database: Database; options: ResolvedAuthOptions };

/** POST/GET/DELETE /api/session and POST /api/session/revoke-all. */
export const sessionRoutes: FastifyPluginAsync<SessionRoutesOptions> = async (app, { database, options }) => {
  const people = peopleRepo(database.db);
  const signins = signinRepo(database.db);
  const signinLimits: SigninLimits = {
    perAccountAndAddress: options.maxFailedSignins,
    perAddress: options.maxFailedSigninsPerAddress,
    perAccount: options.maxFailedSigninsPerAccount,
    windowMs: options.signinWindowMs,
    knownAddressMs: options.knownAddressMs,
  };

  async function sessionBody(auth: AuthContext) {
    const org = await people.getOrganization(auth.organizationId);
    return {
      user: presentUser(auth.user),
      organization: { id: auth.organizationId, name: org?.name ?? "" },
      roles: auth.roles,
      csrfToken: auth.session.csrfToken,
      abilities: orgAbilities(auth),
      expiresAt: auth.session.expiresAt,
      idleTimeoutSeconds: Math.round(options.idleTimeoutMs / 1000),
    };
  }

  function setCookie(reply: FastifyReply, token: string, maxAgeSeconds: number) {
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", secure: options.secureCookies, maxAge: maxAgeSeconds });
  }

  const clientIp = (request: FastifyRequest) => request.ip ?? null;

  app.post(
    "/session",
    {
      config: {
        policy: policies.public,
        rateLimit: { max: options.signinRequestsPerMinute, timeWindow: 60_000 },
      },
      schema: { tags: ["session"], summary: "Sign in with e-mail and password; sets the session cookie" },
    },
    async (request, reply) => {
      const { email, password } = parseInput(signinBody, request.body);
      const now = options.now();
      const ip = clientIp(request) ?? "";
      // Recorded before the password is checked, against limits every server shares (D4, D9).
      const decision = await signins.begin(email, ip, now, signinLimits);
      if (!decision.allowed) {
        reply.header("retry-after", String(decision.retryAfterSeconds));
        throw apiError("auth.throttled", { extra: { retryAfterSeconds: decision.retryAfterSeconds } });
      }
      const found = await people.credentialsByEmail(email);
      const ok = found ? await verifyPassword(found.passwordHash, password) : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
      if (!found || !ok || found.user.disabled) {
        await signins.failed(decision.attemptId);
        await recordAudit(database.db, {
          organizationId: found?.user.organizationId ?? null,
          userId: found?.user.id ?? null,
          action: "session.signin_failed",
          detail: { email: normalizeEmail(email), ip: clientIp(request) },
          at: iso(now),
        });
        throw apiError("auth.invalid_credentials");
      }
      await signins.succeeded(decision.attemptId, email, ip);
      const token = randomBytes(32).toString("base64url");
      const session: Session = {
        id: hashToken(token),
        userId: found.user.id,
        csrfToken: randomBytes(24).toString("base64url"),
        createdAt: iso(now),
        lastSeenAt: iso(now),
        expiresAt: iso(now + options.absoluteTimeoutMs),
      };
      const ua = request.headers["user-agent"];
      await people.createSession({ ...session, ip: clientIp(request), userAgent: typeof ua === "string" ? ua.slice(0, 300) : null });
      await recordAudit(database.db, { organizationId: found.user.organizationId, userId: found.user.id, action: "session.signin", detail: { ip: clientIp(request) }, at: iso(now) });
      setCookie(reply, token, Math.round(options.absoluteTimeoutMs / 1000));
      return sessionBody({ user: found.user, session, organizationId: found.user.organizationId, roles: found.user.roles });
    },
  );

  app.get("/session", { config: { policy: policies.signedIn }, schema: { tags: ["session"], summary: "The signed-in user, organisation, roles, abilities and CSRF token" } }, async (request) => {
    const auth = request.auth;
    if (!auth) throw apiError("auth.required");
    return sessionBody(auth);
  });

  // The app's check at start: 200 whether signed in or not, so a signed-out visitor's page load
  // logs no failed request; `ended` tells a cookie whose session is over (idle, revoked) apart
  // from no cookie at all.
  app.get(
    "/session/state",
    { config: { policy: policies.public }, schema: { tags: ["session"], summary: "Whether the caller is signed in: the session when so, else whether a session has ended" } },
    async (request) => {
      if (request.auth) return { signedIn: true, session: await sessionBody(request.auth) };
      // The ended cookie is left for the next sign-in to replace: asked twice (a page's effects
      // may run twice), the answer must stay the same.
      return { signedIn: false, ended: request.authExpired };
    },
  );

  app.delete("/session", { config: { policy: policies.signedIn }, schema: { tags: ["session"], summary: "Sign out this session" } }, async (request, reply) => {
    const auth = request.auth;
    if (auth) {
      await people.deleteSession(auth.session.id);
      await recordAudit(database.db, { organizationId: auth.organizationId, userId: auth.user.id, action: "session.signout", at: iso(options.now()) });
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });

  app.post(
    "/session/revoke-all",
    { config: { policy: policies.signedIn }, schema: { tags: ["session"], summary: "Sign out everywhere: ends every session of the user" } },
    async (request, reply) => {
      const auth = request.auth;
      if (auth) {
        const ended = await people.deleteSessionsOfUser(auth.user.id);
        await recordAudit(database.db, { organizationId: auth.organizationId, userId: auth.user.id, action: "session.revoke_all", detail: { sessions: ended }, at: iso(options.now()) });
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );

  // The user's own sessions (ASVS 3.3.4): where and when each was opened and last used; any of
  // them can be ended. A session is named by a hash of its stored id, never by its token.
  const sessionHandle = (id: string) => createHash("sha256").update(`handle:${id}`).digest("base64url").slice(0, 22);
  const live = (s: Session) => {
    const now = options.now();
    return now - Date.parse(s.lastSeenAt) <= options.idleTimeoutMs && now < Date.parse(s.expiresAt);
  };

  app.get("/sessions", { config: { policy: policies.signedIn }, schema: { tags: ["session"], summary: "Your active sessions (this one marked current)" } }, async (request) => {
    const auth = requireAuth(request.auth);
    const sessions = (await people.listSessionsOfUser(auth.user.id)).filter(live);
    return {
      sessions: sessions.map((s) => ({
        id: sessionHandle(s.id),
        current: s.id === auth.session.id,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        ip: s.ip,
        userAgent: s.userAgent,
      })),
    };
  });

  app.delete(
    "/sessions/:sessionId",
    { config: { policy: policies.signedIn }, schema: { tags: ["session"], summary: "End one of your sessions (ending the current one signs you out)" } },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const { sessionId } = parseInput(sessionParams, request.params);
      const target = (await people.listSessionsOfUser(auth.user.id)).find((s) => sessionHandle(s.id) === sessionId);
      if (!target) throw apiError("not_found");
      await writeTransaction(database.db, async (q) => {
        await peopleRepo(q).deleteSession(target.id);
        await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "session.end", detail: { current: target.id === auth.session.id, ip: target.ip }, at: iso(options.now()) });
      });
      if (target.id === auth.session.id) reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );

  // Changing one's own password proves the current one first (a session left open is not
  // enough), and ends every other session of the user: whoever knew the old password is out.
  app.post(
    "/session/password",
    { config: { policy: policies.signedIn, rateLimit: { max: options.signinRequestsPerMinute, timeWindow: 60_000 } }, schema: { tags: ["session"], summary: "Change your own password (the current one required); ends your other sessions" } },
    async (request, reply) => {
      const auth = requireAuth(request.auth);
      const { currentPassword, newPassword } = parseInput(passwordChangeBody, request.body);
      const problem = passwordProblem(newPassword);
      if (problem) throw apiError("request.invalid", { errors: [{ path: "newPassword", code: problem.code, message: problem.message }] });
      const found = await people.credentialsByEmail(auth.user.email);
      if (!found || !(await verifyPassword(found.passwordHash, currentPassword))) {
        throw apiError("request.invalid", {
          errors: [{ path: "currentPassword", code: "password.wrong", message: { id: "kata sandi sekarang salah", en: "the current password is wrong" } }],
        });
      }
      const at = iso(options.now());
      const passwordHash = await hashPassword(newPassword);
      const ended = await writeTransaction(database.db, async (q) => {
        const repo = peopleRepo(q);
        await repo.updateUser(auth.organizationId, auth.user.id, { passwordHash });
        const n = await repo.deleteOtherSessionsOfUser(auth.user.id, auth.session.id);
        await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "user.update", detail: { targetUserId: auth.user.id, passwordChanged: true, self: true, otherSessionsEnded: n }, at });
        return n;
      });
      return reply.send({ otherSessionsEnded: ended });
    },
  );
};

const sessionParams = z.strictObject({ sessionId: z.string().min(1).max(64) });

const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().max(1000),
});
