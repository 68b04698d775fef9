import { describe, expect, it } from 'vitest';
import { inUnit } from './components/LifecyclePanel';

describe('final statement units', () => {
  it('shows minutes in the policy unit, days by the workday', () => {
    expect(inUnit(1200, 'DAYS', 480)).toBe('2.5 days');
    expect(inUnit(-600, 'HOURS', 480)).toBe('-10 h');
    expect(inUnit(45, 'MINUTES', 480)).toBe('45 min');
    expect(inUnit(null, 'DAYS', 480)).toBe('unlimited');
  });
});
