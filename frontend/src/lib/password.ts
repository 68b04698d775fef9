/** The API's minimum password length (backend Passwords.MIN_LENGTH). */
export const MIN_PASSWORD_LENGTH = 10;

/** Shorter than the API accepts; counted in characters (code points) as the API counts, not UTF-16 units. */
export function passwordTooShort(password: string): boolean {
  return [...password].length < MIN_PASSWORD_LENGTH;
}
