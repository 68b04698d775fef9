import { describe, expect, it } from 'vitest';
import type { Assignment } from '@/lib/types';
import { byLabel, sortAssignments } from './sorting';

const a = (id: string, policy: string, from: string) => ({ id, policy_id: policy, effective_from: from }) as Assignment;

describe('sorted lists (issue 26)', () => {
  it('assignments by policy name, then the newest start first', () => {
    const names: Record<string, string> = { p1: 'Vacation', p2: 'sick leave', p3: 'Überstunden' };
    const sorted = sortAssignments([a('1', 'p1', '2024-01-01'), a('2', 'p2', '2023-01-01'), a('3', 'p1', '2025-01-01'), a('4', 'p3', '2024-01-01')], (x) => names[x.policy_id]);
    expect(sorted.map((x) => x.id)).toEqual(['2', '4', '3', '1']);
  });
  it('labels compare case-insensitively and numbers as numbers', () => {
    expect(byLabel(['b', 'A', 'Team 10', 'Team 9'], (x) => x)).toEqual(['A', 'b', 'Team 9', 'Team 10']);
  });
});
