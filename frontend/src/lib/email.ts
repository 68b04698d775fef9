/**
 * Looks like an e-mail address: something, `@`, a domain with a dot, no spaces. The same shape the
 * API accepts for an employee's e-mail (EmployeeService.EMAIL), so an address this refuses can
 * never belong to an account: the sign-in form need not ask the server about it.
 */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
