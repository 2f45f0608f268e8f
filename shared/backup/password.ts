// The one rule for a backup password, checked before anything is written: long enough to be worth the
// scrypt cost, and typed the same twice, since a mistyped password makes the backup unreadable.
export const MIN_PASSWORD_LENGTH = 8;

export type PasswordProblem = 'passwordShort' | 'passwordMismatch';

export function passwordProblem(password: string, repeat: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'passwordShort';
  return password === repeat ? null : 'passwordMismatch';
}
