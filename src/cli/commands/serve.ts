// Starts the HTTP server (API + web app). Runs migrations first; with --demo, loads the
// example plans into an empty database so a first run has something to show.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { validatePlanText } from "../../domain/plan/validate.js";
import { formatError } from "../../domain/messages.js";
import { buildApp } from "../../server/app.js";
import { openDatabase, resolveDatabaseUrl } from "../../store/database.js";
import { plansRepo, type PlansRepo } from "../../store/plans-repo.js";
import type { CliIo, CommandRegistrar } from "../io.js";

// Same depth from src/cli/commands and dist/cli/commands.
export const EXAMPLES_DIR = fileURLToPath(new URL("../../../examples/", import.meta.url));
export const DEFAULT_PORT = 3000;

const optionsSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).default("localhost"),
  db: z.string().min(1).optional(),
  demo: z.boolean().optional(),
});

/** Imports every examples/*.json plan when the database holds no plan at all. */
export async function loadDemoPlans(repo: PlansRepo, io: CliIo, dir = EXAMPLES_DIR): Promise<number> {
  const { plans } = await repo.count();
  if (plans > 0) return 0;
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return 0;
  }
  let loaded = 0;
  for (const f of files) {
    const r = validatePlanText(await readFile(join(dir, f), "utf8"));
    if (!r.ok) {
      io.err(`rencana serve --demo: ${f} dilewati (skipped): ${r.errors.slice(0, 3).map((e) => formatError(e)).join("; ")}\n`);
      continue;
    }
    await repo.create(r.plan);
    loaded++;
  }
  return loaded;
}

export const register: CommandRegistrar = (program, io, setExit) => {
  program
    .command("serve")
    .description("jalankan server web dan API")
    .option("--port <n>", `port (bawaan: PORT, lalu ${DEFAULT_PORT})`)
    .option("--host <host>", "alamat yang didengar", "localhost")
    .option("--db <url>", "berkas SQLite atau URL postgres:// (bawaan: DATABASE_URL, lalu ./data/rencana.db)")
    .option("--demo", "muat rencana contoh bila basis data masih kosong")
    .action(async (rawOpts: unknown) => {
      const opts = optionsSchema.parse(rawOpts);
      const port = opts.port ?? (io.env.PORT ? z.coerce.number().int().min(0).max(65535).parse(io.env.PORT) : DEFAULT_PORT);
      const database = openDatabase(resolveDatabaseUrl(opts.db, io.env));
      await database.migrate();
      const repo = plansRepo(database.db);
      if (opts.demo) {
        const loaded = await loadDemoPlans(repo, io);
        if (loaded > 0) io.out(`Demo: ${loaded} rencana contoh dimuat\n`);
      }
      const app = await buildApp({ db: database, logger: { level: io.env.LOG_LEVEL ?? "warn" } });
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
      io.out(`Rencana Layanan berjalan di http://localhost:${actualPort}\n`);

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
