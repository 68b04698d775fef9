import { describe, expect, it } from 'vitest';
import { isEmail } from './email';

describe('isEmail (one rule for the sign-in form, the SSO offer and the employee form)', () => {
  it('accepts an address with a domain, around spaces', () => {
    expect(isEmail('emma@acme.test')).toBe(true);
    expect(isEmail('  Emma.Stone+pto@mail.acme.de ')).toBe(true);
  });
  it('refuses what no account can have: no @, no dot in the domain, spaces, two @', () => {
    for (const bad of ['', 'nope', 'emma@acme', '@acme.test', 'emma@.', 'em ma@acme.test', 'a@b@acme.test']) {
      expect(isEmail(bad), bad).toBe(false);
    }
  });
});
