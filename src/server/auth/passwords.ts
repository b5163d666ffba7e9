// Password hashing with argon2id (OWASP's first choice). The parameters are the library's
// defaults (19 MiB, 2 passes), the OWASP minimum; verification reads them from the hash.
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id of the library (a const enum, which isolated modules cannot import).
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so both answers take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  return dummyHash;
}
