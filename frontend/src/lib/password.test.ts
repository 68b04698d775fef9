import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordTooShort } from './password';

describe('passwordTooShort (the API counts characters, not UTF-16 units)', () => {
  it('refuses fewer than the minimum, accepts the minimum', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordTooShort('123456789')).toBe(true);
    expect(passwordTooShort('1234567890')).toBe(false);
  });
  it('five emoji are five characters, though ten UTF-16 units', () => {
    expect('😀'.repeat(5).length).toBe(10);
    expect(passwordTooShort('😀'.repeat(5))).toBe(true);
    expect(passwordTooShort('😀'.repeat(10))).toBe(false);
  });
});
