// Starts the HTTP server (API + web app). Runs migrations first; with --demo, sets up the demo
// organisation, its users and the example plans (src/cli/demo.ts). A database without users
// gets advice on how to create the first administrator: nobody can sign in until then.
import { z } from "zod";
import { buildApp } from "../../server/app.js";
import { openDatabase, resolveDatabaseUrl } from "../../store/database.js";
import { peopleRepo, type PeopleRepo } from "../../store/people-repo.js";
import { demoSignInText, setUpDemo } from "../demo.js";
import type { CommandRegistrar } from "../io.js";

export const DEFAULT_PORT = 3000;

const optionsSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).default("localhost"),
  db: z.string().min(1).optional(),
  demo: z.boolean().optional(),
});

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** How to create the first administrator, with this database's --db and organisation filled in. */
export async function firstAdminAdvice(people: PeopleRepo, dbOption: string | undefined): Promise<string> {
  const orgs = await people.listOrganizations();
  const organization = orgs.length === 1 ? orgs[0]!.name : "Nama Instansi";
  const command = [
    "rencana user create --admin --email nama@instansi.go.id --name 'Nama Lengkap'",
    `--organization ${shellQuote(organization)}`,
    ...(dbOption ? [`--db ${shellQuote(dbOption)}`] : []),
  ].join(" ");
  return [
    "Belum ada pengguna, jadi belum ada yang dapat masuk. Buat administrator pertama:",
    "No users yet, so nobody can sign in. Create the first administrator:",
    `  ${command}`,
    "Kata sandi dibaca dari RENCANA_PASSWORD atau diketik sebagai satu baris (the password is read from RENCANA_PASSWORD or typed as one line).",
    "Untuk mencoba dengan data contoh (to try it with example data): rencana serve --demo",
    "",
  ].join("\n");
}

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("serve")
    .description("jalankan server web dan API")
    .option("--port <n>", `port (bawaan: PORT, lalu ${DEFAULT_PORT})`)
    .option("--host <host>", "alamat yang didengar", "localhost")
    .option("--db <url>", "berkas SQLite atau URL postgres:// (bawaan: DATABASE_URL, lalu ./data/rencana.db)")
    .option("--demo", "siapkan organisasi demo: satu pengguna per peran dan rencana contoh")
    .action(async (rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      const port = opts.port ?? (io.env.PORT ? z.coerce.number().int().min(0).max(65535).parse(io.env.PORT) : DEFAULT_PORT);
      const database = openDatabase(resolveDatabaseUrl(opts.db, io.env));
      await database.migrate();
      const people = peopleRepo(database.db);
      // Said after the address, where the eye lands.
      const notice = opts.demo ? demoSignInText(await setUpDemo(database, io)) : (await people.countUsers()) === 0 ? await firstAdminAdvice(people, opts.db) : "";
      const app = await buildApp({ db: database, logger: { level: io.env.LOG_LEVEL ?? "info" } });
      try {
        await app.listen({ port, host: opts.host });
      } catch (e) {
        await app.close();
        await database.close();
        const inUse = (e as NodeJS.ErrnoException).code === "EADDRINUSE";
        io.err(`rencana serve: ${inUse ? `port ${port} sudah dipakai; pilih --port lain (port in use)` : (e as Error).message}\n`);
        setExit(1);
        return;
      }
      const address = app.server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      // One write: whoever waits for the address line (a script, the tests) gets the sign-in notice with it.
      io.out(`Rencana Layanan berjalan di http://localhost:${actualPort}\n${notice}`);

      // Runs until a signal asks it to stop; then closes cleanly so SQLite checkpoints its WAL.
      await new Promise<void>((done) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void app
            .close()
            .then(() => database.close())
            .finally(done);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      setExit(0);
    });
};
