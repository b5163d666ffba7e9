// Which organisation a command line action belongs to: the one named, else the only one;
// an empty database gets its first organisation here (the first administrator, the first import).
import type { Bilingual } from "../domain/messages.js";
import type { Organization, PeopleRepo } from "../store/people-repo.js";

export type OrganizationChoice = { ok: true; organization: Organization; created: boolean } | { ok: false; message: Bilingual };

const listed = (orgs: readonly Organization[]) => orgs.map((o) => `«${o.name}»`).join(", ");

/**
 * `named`: the --organization option (with `createNamed`, a new name makes a new organisation). `nameIfNone`: what to call the organisation when the
 * database has none and none was named (undefined: then it is an error).
 */
export async function chooseOrganization(people: PeopleRepo, named: string | undefined, nameIfNone?: string, options: { /** A named organisation that does not exist yet is created (user create, D14). */ createNamed?: boolean } = {}): Promise<OrganizationChoice> {
  const orgs = await people.listOrganizations();
  if (named !== undefined) {
    const wanted = named.trim();
    const found = orgs.find((o) => o.name === wanted) ?? orgs.find((o) => o.name.toLowerCase() === wanted.toLowerCase());
    if (found) return { ok: true, organization: found, created: false };
    if (orgs.length === 0 || (options.createNamed && wanted !== "")) return { ok: true, organization: await people.createOrganization(wanted), created: true };
    return {
      ok: false,
      message: {
        id: `--organization: organisasi «${wanted}» tidak ada; yang ada: ${listed(orgs)}`,
        en: `--organization: no organisation named «${wanted}»; there are: ${listed(orgs)}`,
      },
    };
  }
  if (orgs.length === 1) return { ok: true, organization: orgs[0]!, created: false };
  if (orgs.length === 0) {
    if (nameIfNone !== undefined && nameIfNone.trim() !== "") return { ok: true, organization: await people.createOrganization(nameIfNone.trim()), created: true };
    return {
      ok: false,
      message: {
        id: `--organization: basis data belum punya organisasi; sebutkan namanya, mis. --organization "Dinas Kependudukan dan Pencatatan Sipil"`,
        en: `--organization: the database has no organisation yet; name it, e.g. --organization "Dinas Kependudukan dan Pencatatan Sipil"`,
      },
    };
  }
  return {
    ok: false,
    message: {
      id: `--organization: ada ${orgs.length} organisasi; pilih salah satu: ${listed(orgs)}`,
      en: `--organization: there are ${orgs.length} organisations; choose one: ${listed(orgs)}`,
    },
  };
}

/** "Indonesian (English)", the command line's way of saying a thing in both languages. */
export function bothLanguages(m: Bilingual): string {
  return m.id === m.en ? m.id : `${m.id} (${m.en})`;
}
