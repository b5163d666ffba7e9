// `rencana user create` and `rencana user list`: the first administrator (and any later user)
// made from the command line, before anyone can sign in to the web app.
// The password comes from RENCANA_PASSWORD or one line of standard input; it is never printed.
import { checkNip, nipInput } from "../../domain/decree/officials.js";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH, hashPassword, passwordProblem as checkNewPassword } from "../../server/auth/passwords.js";
import { recordAudit } from "../../store/audit-repo.js";
import { ROLES, peopleRepo, type Role, type User } from "../../store/people-repo.js";
import { writeTransaction } from "../../store/plans-repo.js";
import { withDatabase } from "../database.js";
import type { CliIo, CommandRegistrar } from "../io.js";
import { bothLanguages, chooseOrganization } from "../organization.js";

/** Long enough for any passphrase, short enough that hashing it is no burden. */

const required = "wajib diisi (required)";

const createOptions = z.strictObject({
  admin: z.boolean().optional(),
  email: z
    .string({ error: required })
    .trim()
    .pipe(z.email({ error: "alamat surel tidak sah, mis. nama@instansi.go.id (not a valid e-mail address)" })),
  name: z
    .string({ error: required })
    .trim()
    .min(1, { error: "tidak boleh kosong (must not be empty)" })
    .max(200, { error: "paling banyak 200 karakter (at most 200 characters)" }),
  organization: z
    .string()
    .trim()
    .min(1, { error: "tidak boleh kosong (must not be empty)" })
    .max(300, { error: "paling banyak 300 karakter (at most 300 characters)" })
    .optional(),
  role: z
    .array(z.enum(ROLES, { error: (issue) => `peran «${String(issue.input)}» tidak dikenal; pilih dari ${ROLES.join(", ")} (unknown role)` }))
    .optional(),
  nip: z
    .string()
    .superRefine((s, ctx) => {
      const c = checkNip(s);
      if (!c.ok) ctx.addIssue({ code: "custom", message: `${c.message.id} (${c.message.en})` });
    })
    .transform(nipInput)
    .optional(),
  db: z.string().min(1).optional(),
});

const passwordOptions = z.strictObject({
  email: z.string({ error: required }).trim().min(1, { error: required }),
  db: z.string().min(1).optional(),
});

const listOptions = z.strictObject({
  organization: z.string().trim().min(1).optional(),
  json: z.boolean().optional(),
  db: z.string().min(1).optional(),
});

/** Zod's issues as "--option: message" lines (the option a field came from). */
function optionErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `--${String(issue.path[0] ?? "?")}: ${issue.message}`);
}

async function readPassword(io: CliIo): Promise<string | undefined> {
  const fromEnv = io.env.RENCANA_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  io.err("Kata sandi (password): ");
  const line = await io.readLine();
  io.err("\n");
  return line?.replace(/\r$/, "");
}

function passwordProblem(password: string | undefined): string | undefined {
  if (password === undefined || password === "") {
    return "kata sandi kosong: isi RENCANA_PASSWORD atau ketik satu baris di masukan standar (no password: set RENCANA_PASSWORD or give one line on standard input)";
  }
  const problem = checkNewPassword(password);
  return problem ? `${problem.message.id} (${problem.message.en})` : undefined;
}

function userLine(user: User, organization: string): string {
  return [user.email, user.name, user.roles.join(",") || "-", organization, ...(user.disabled ? ["nonaktif (disabled)"] : [])].join("\t");
}

export const register: CommandRegistrar = (program, io, setExit) => {
  /** Reports a failure of `rencana user <sub>` (exit 1, or 2 for bad options). */
  const failer =
    (sub: string) =>
    (message: string, code = 1): void => {
      io.err(`rencana user ${sub}: ${message}\n`);
      setExit(code);
    };
  /** The checked options, or undefined after reporting every bad one (exit 2). */
  function options<T extends z.ZodType>(schema: T, raw: unknown, fail: (message: string, code?: number) => void): z.output<T> | undefined {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const line of optionErrors(parsed.error)) fail(line, 2);
    return undefined;
  }

  const user = program.command("user").description("kelola pengguna: buat administrator pertama, lihat daftar pengguna");

  user
    .command("create")
    .description(`buat pengguna; kata sandi dari RENCANA_PASSWORD atau satu baris masukan standar (minimal ${MIN_PASSWORD_LENGTH} karakter)`)
    .option("--admin", "beri peran admin (mengelola pengguna, unit dan pengaturan)")
    .option("--email <email>", "alamat surel untuk masuk")
    .option("--name <name>", "nama lengkap")
    .option("--organization <name>", "organisasi (dibuat bila belum ada); wajib bila basis data belum punya organisasi, atau bila ada lebih dari satu")
    .option("--role <role...>", `peran lain: ${ROLES.filter((r) => r !== "admin").join(", ")}`)
    .option("--nip <nip>", "NIP (18 angka)")
    .option("--db <url>", "berkas SQLite atau URL postgres:// (bawaan: DATABASE_URL, lalu ./data/rencana.db)")
    .action(async (rawOpts: unknown) => {
      const fail = failer("create");
      const opts = options(createOptions, rawOpts, fail);
      if (!opts) return;
      const roles: Role[] = [...new Set<Role>([...(opts.admin ? (["admin"] as const) : []), ...(opts.role ?? [])])];
      if (roles.length === 0) return fail("--role: sebutkan --admin atau sedikitnya satu --role (give --admin or at least one --role)", 2);

      const password = await readPassword(io);
      const problem = passwordProblem(password);
      if (problem || password === undefined) return fail(problem ?? "");

      await withDatabase(
        opts.db,
        io,
        async (database) => {
          const people = peopleRepo(database.db);
          if (await people.getUserByEmail(opts.email)) return fail(`--email: ${opts.email} sudah terdaftar (e-mail already registered)`);
          const choice = await chooseOrganization(people, opts.organization, undefined, { createNamed: true });
          if (!choice.ok) return fail(bothLanguages(choice.message));
          const { organization } = choice;
          const passwordHash = await hashPassword(password);
          const created = await writeTransaction(database.db, async (q) => {
            const made = await peopleRepo(q).createUser({ organizationId: organization.id, email: opts.email, name: opts.name, nip: opts.nip ?? null, roles, passwordHash });
            await recordAudit(q, { organizationId: organization.id, userId: null, action: "user.create", detail: { userId: made.id, email: made.email, roles: made.roles, via: "cli" } });
            return made;
          });
          if (choice.created) io.out(`Organisasi dibuat (organisation created): ${organization.name}\n`);
          io.out(`Pengguna dibuat (user created): ${created.name} <${created.email}>, peran (roles): ${created.roles.join(", ")}; organisasi (organisation): ${organization.name}\n`);
          setExit(0);
        },
        { migrate: true },
      );
    });

  // Recovery for whoever runs the server: the only administrator forgot the password, or
  // disabled accounts must be re-opened. The account is enabled again and its sessions end.
  user
    .command("password")
    .description("setel ulang kata sandi pengguna (dan aktifkan kembali akunnya); semua sesinya diakhiri")
    .option("--email <email>", "surel pengguna")
    .option("--db <url>", "berkas SQLite atau URL postgres://")
    .action(async (rawOpts: unknown) => {
      const fail = failer("password");
      const opts = options(passwordOptions, rawOpts, fail);
      if (!opts) return;
      await withDatabase(
        opts.db,
        io,
        async (database) => {
          const people = peopleRepo(database.db);
          const found = await people.getUserByEmail(opts.email);
          if (!found) return fail(`--email: ${opts.email} tidak terdaftar (no such user)`);
          const password = await readPassword(io);
          const problem = passwordProblem(password);
          if (problem || password === undefined) return fail(problem ?? "");
          const passwordHash = await hashPassword(password);
          const ended = await writeTransaction(database.db, async (q) => {
            const repo = peopleRepo(q);
            await repo.updateUser(found.organizationId, found.id, { passwordHash, disabled: false });
            const n = await repo.deleteSessionsOfUser(found.id);
            await recordAudit(q, { organizationId: found.organizationId, userId: null, action: "user.update", detail: { targetUserId: found.id, passwordChanged: true, enabled: true, sessionsEnded: n, via: "cli" } });
            return n;
          });
          io.out(`Kata sandi disetel ulang (password reset): ${found.name} <${found.email}>; ${ended} sesi diakhiri (sessions ended)\n`);
          setExit(0);
        },
        { migrate: true },
      );
    });

  user
    .command("list")
    .description("daftar pengguna: surel, nama, peran, organisasi (dipisah tab)")
    .option("--organization <name>", "hanya organisasi ini")
    .option("--json", "keluaran JSON")
    .option("--db <url>", "berkas SQLite atau URL postgres://")
    .action(async (rawOpts: unknown) => {
      const fail = failer("list");
      const opts = options(listOptions, rawOpts, fail);
      if (!opts) return;
      await withDatabase(
        opts.db,
        io,
        async (database) => {
          const people = peopleRepo(database.db);
          let orgs = await people.listOrganizations();
          if (opts.organization !== undefined) {
            const wanted = opts.organization.toLowerCase();
            orgs = orgs.filter((o) => o.name.toLowerCase() === wanted);
            if (orgs.length === 0) return fail(`--organization: organisasi «${opts.organization}» tidak ada (no such organisation)`);
          }
          const rows: { user: User; organization: string }[] = [];
          for (const org of orgs) for (const u of await people.listUsers(org.id)) rows.push({ user: u, organization: org.name });
          if (opts.json) {
            const items = rows.map(({ user: u, organization }) => ({ email: u.email, name: u.name, nip: u.nip, roles: u.roles, organization, disabled: u.disabled }));
            io.out(`${JSON.stringify(items, null, 2)}\n`);
          } else {
            for (const r of rows) io.out(`${userLine(r.user, r.organization)}\n`);
            if (rows.length === 0) io.err("Belum ada pengguna; buat dengan `rencana user create --admin ...` (no users yet)\n");
          }
          setExit(0);
        },
        { migrate: true },
      );
    });
};
