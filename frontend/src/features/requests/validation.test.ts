import { describe, expect, it } from 'vitest';
import { compareLocal, defaultWindow, isLocalDateTime, validateRequestForm, hasErrors } from './validation';
import { canCancel } from './pages/MyRequestsPage';
import type { TimeOffRequest } from '@/lib/types';

const ok = { policy_id: 'p1', start_at: '2025-03-10T09:00', end_at: '2025-03-10T17:00', reason: '' };

describe('request form validation', () => {
  it('accepts a valid request', () => {
    expect(validateRequestForm(ok)).toEqual({});
    expect(hasErrors(validateRequestForm(ok))).toBe(false);
  });
  it('requires policy, start and end', () => {
    expect(validateRequestForm({ ...ok, policy_id: '', start_at: '', end_at: '' })).toEqual({
      policy_id: expect.any(String),
      start_at: expect.any(String),
      end_at: expect.any(String),
    });
  });
  it('end must be after start', () => {
    expect(validateRequestForm({ ...ok, end_at: '2025-03-10T09:00' }).end_at).toBe('The end must be after the start.');
    expect(validateRequestForm({ ...ok, end_at: '2025-03-09T17:00' })).toHaveProperty('end_at');
    expect(validateRequestForm({ ...ok, end_at: '2025-03-10T09:01' })).toEqual({});
  });
  it('rejects impossible datetimes', () => {
    expect(isLocalDateTime('2025-02-30T09:00')).toBe(false);
    expect(isLocalDateTime('2025-02-28T24:00')).toBe(false);
    expect(isLocalDateTime('2025-02-28T09:00:30')).toBe(true);
    expect(isLocalDateTime('2025-02-28 09:00')).toBe(false);
    expect(validateRequestForm({ ...ok, start_at: '2025-13-01T09:00' })).toHaveProperty('start_at');
  });
  it('limits the reason to 1000 characters', () => {
    expect(validateRequestForm({ ...ok, reason: 'x'.repeat(1001) })).toHaveProperty('reason');
    expect(validateRequestForm({ ...ok, reason: 'x'.repeat(1000) })).toEqual({});
  });
  it('compares naive times with or without seconds', () => {
    expect(compareLocal('2025-01-01T10:00', '2025-01-01T10:00:00')).toBe(0);
    expect(compareLocal('2025-01-01T09:59', '2025-01-01T10:00')).toBeLessThan(0);
  });
});

describe('defaultWindow', () => {
  it('is the next working day from the workday start', () => {
    // Friday 2025-03-07 → Monday 2025-03-10
    expect(defaultWindow(new Date(2025, 2, 7, 15, 0), '09:00', 480)).toEqual({
      start_at: '2025-03-10T09:00',
      end_at: '2025-03-10T17:00',
    });
    expect(defaultWindow(new Date(2025, 2, 4), '08:30', 450, ['WED'])).toEqual({
      start_at: '2025-03-05T08:30',
      end_at: '2025-03-05T16:00',
    });
  });
});

describe('canCancel', () => {
  const r = (status: TimeOffRequest['status'], start: string) => ({ status, start_at: start }) as TimeOffRequest;
  const now = new Date('2025-03-01T00:00:00Z');
  it('allows pending and not-yet-started approved requests', () => {
    expect(canCancel(r('SUBMITTED', '2025-01-01T00:00:00Z'), now)).toBe(true);
    expect(canCancel(r('APPROVED', '2025-04-01T09:00:00Z'), now)).toBe(true);
    expect(canCancel(r('APPROVED', '2025-02-01T09:00:00Z'), now)).toBe(false);
    expect(canCancel(r('DENIED', '2025-04-01T09:00:00Z'), now)).toBe(false);
    expect(canCancel(r('CANCELLED', '2025-04-01T09:00:00Z'), now)).toBe(false);
  });
});
