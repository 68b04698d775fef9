import { describe, expect, it } from 'vitest';
import { ApiError, buildQuery, errorDetails, errorLines, errorMessage } from './api';

describe('buildQuery', () => {
  it('drops empty values and repeats arrays', () => {
    expect(buildQuery({ a: 1, b: '', c: undefined, d: null, e: ['x', 'y'] })).toBe('?a=1&e=x&e=y');
    expect(buildQuery({})).toBe('');
    expect(buildQuery()).toBe('');
  });
});

describe('error shape', () => {
  it('turns detail into readable lines', () => {
    expect(errorDetails('boom')).toEqual(['boom']);
    expect(errorDetails([{ field: 'end_at', message: 'must be after start_at' }])).toEqual(['end_at: must be after start_at']);
    expect(errorDetails([{ loc: ['body', 'reason'], msg: 'too long' }])).toEqual(['reason: too long']);
    expect(errorDetails({ available_minutes: 120 })).toEqual(['available_minutes: 120']);
    expect(errorDetails(null)).toEqual([]);
  });
  it('shows the detail sentence and the fields, never [object Object]', () => {
    const balance = new ApiError(400, 'insufficient balance: available 960 minutes', 'Available: 960 minutes; this change needs 1440 minutes.', {
      code: 'insufficient_balance',
      context: { available_minutes: 960 },
    });
    expect(errorLines(balance)).toEqual(['Available: 960 minutes; this change needs 1440 minutes.']);
    expect(balance.code).toBe('insufficient_balance');
    const two = new ApiError(422, 'a: is required; b: is required', "The field 'a' is required. The field 'b' is required.", {
      fields: [
        { field: 'a', message: 'is required' },
        { field: 'b', message: 'is required' },
      ],
    });
    expect(errorLines(two)).toEqual(["The field 'a' is required. The field 'b' is required.", 'a: is required', 'b: is required']);
    expect(two.fieldError('b')).toBe('is required');
    expect(errorLines(new ApiError(404, 'employee not found', null))).toEqual([]);
    expect(errorLines(new ApiError(400, 'x', { available_minutes: 1 })).join()).not.toContain('[object Object]');
  });
  it('uses the API message', () => {
    expect(errorMessage(new ApiError(409, 'Request overlaps another request'))).toBe('Request overlaps another request');
    expect(errorMessage('x')).toBe('Something went wrong.');
  });
});
