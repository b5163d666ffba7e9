// Password hashing with argon2id (OWASP's first choice) and the rules a new password must meet
// (OWASP ASVS 4.0.3 §2.1): at least 12 characters, not only whitespace, not a common or
// breached password (the list shipped in assets/common-passwords.txt.gz, see assets/README.md).
// The hashing parameters are the library's defaults (19 MiB, 2 passes), the OWASP minimum;
// verification reads them from the hash.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { hash, verify } from "@node-rs/argon2";
import type { Bilingual } from "../../domain/messages.js";

// Algorithm.Argon2id of the library (a const enum, which isolated modules cannot import).
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1000;

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

// Same depth from src/server/auth and dist/server/auth.
const COMMON_PASSWORDS_FILE = new URL("../../../assets/common-passwords.txt.gz", import.meta.url);
let common: Set<string> | undefined;

/** The shipped list of common and breached passwords (lower-case), read once. */
export function commonPasswords(): Set<string> {
  common ??= new Set(gunzipSync(readFileSync(COMMON_PASSWORDS_FILE)).toString("utf8").split("\n").filter((p) => p !== ""));
  return common;
}

function isCommon(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  // "password1234!", "qwertyuiop2026": a listed word with digits or symbols appended.
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (stem.length >= 6 && stem !== lower && list.has(stem)) return true;
  // "aaaaaaaaaaaa", "abcabcabcabc": one short piece repeated.
  return /^(.{1,4})\1+$/su.test(lower);
}

export type PasswordProblem = { code: string; message: Bilingual };

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (password.trim() === "") return { code: "password.blank", message: { id: "kata sandi tidak boleh hanya spasi", en: "the password must not be only spaces" } };
  if (length < MIN_PASSWORD_LENGTH) {
    return { code: "password.too_short", message: { id: `kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`, en: `the password must be at least ${MIN_PASSWORD_LENGTH} characters long` } };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return { code: "password.too_long", message: { id: `kata sandi paling banyak ${MAX_PASSWORD_LENGTH} karakter`, en: `the password must be at most ${MAX_PASSWORD_LENGTH} characters long` } };
  }
  if (isCommon(password)) {
    return { code: "password.common", message: { id: "kata sandi ini terlalu umum atau pernah bocor; pilih yang lain", en: "this password is too common or has been in a breach; choose another" } };
  }
  return undefined;
}
