// Password policy (MLPS 2.0 level 3): at least 10 characters from at least three of four classes.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_few_classes' | 'contains_username';

export function passwordClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

export function checkPassword(password: string, username?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (passwordClasses(password) < 3) return 'too_few_classes';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return 'contains_username';
  return null;
}
