// The password policy shown in forms, mirroring packages/domain/src/password.ts (the server decides; this
// only spares a round trip): at least 10 characters from at least three of four classes.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

export function meetsPasswordPolicy(password: string, username?: string): boolean {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return false;
  if (passwordClasses(password) < 3) return false;
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return false;
  return true;
}
