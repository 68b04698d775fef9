import { describe, expect, it } from 'vitest';
import { formatJsonValue, jsonDiff } from './diff';

describe('jsonDiff', () => {
  it('lists changed, added and removed leaf paths', () => {
    const rows = jsonDiff(
      { rate_minutes_per_month: 480, carryover: { enabled: false }, tiers: [1, 2] },
      { rate_minutes_per_month: 600, carryover: { enabled: true, cap_minutes: 2400 }, tiers: [1] },
    );
    expect(rows).toEqual([
      { path: 'carryover.cap_minutes', before: undefined, after: 2400, kind: 'added' },
      { path: 'carryover.enabled', before: false, after: true, kind: 'changed' },
      { path: 'rate_minutes_per_month', before: 480, after: 600, kind: 'changed' },
      { path: 'tiers[1]', before: 2, after: undefined, kind: 'removed' },
    ]);
  });
  it('handles create (null before) and delete (null after)', () => {
    expect(jsonDiff(null, { name: 'New Year' })).toEqual([{ path: 'name', before: undefined, after: 'New Year', kind: 'added' }]);
    expect(jsonDiff({ name: 'x' }, null)).toEqual([{ path: 'name', before: 'x', after: undefined, kind: 'removed' }]);
  });
  it('is empty when nothing changed', () => {
    expect(jsonDiff({ a: { b: [1] } }, { a: { b: [1] } })).toEqual([]);
  });
  it('formats values', () => {
    expect(formatJsonValue(undefined)).toBe('—');
    expect(formatJsonValue('x')).toBe('x');
    expect(formatJsonValue(null)).toBe('null');
    expect(formatJsonValue({ a: 1 })).toBe('{"a":1}');
  });
});
