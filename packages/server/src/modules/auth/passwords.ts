// Argon2id hashing (OWASP parameters). A dummy hash keeps unknown-user logins as slow as wrong passwords.
import { hash, verify } from '@node-rs/argon2';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, validationError } from '@benpao/domain';

const OPTIONS = {
  algorithm: 2 /* Argon2id; a const enum upstream */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real verification, for a username that does not exist. */
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('dummy-Password#1');
  await verifyPassword(await dummy, password);
}

/** Throws a 400 naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, username: string | undefined, field: string): void {
  const problem = checkPassword(password, username);
  if (problem) {
    throw validationError(`password_${problem}`, field, {
      min: PASSWORD_MIN_LENGTH,
      max: PASSWORD_MAX_LENGTH,
    });
  }
}
