import { describe, expect, it } from 'vitest';
import { ApiError, buildQuery, errorDetails, errorMessage } from './api';

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
  it('uses the API message', () => {
    expect(errorMessage(new ApiError(409, 'Request overlaps another request'))).toBe('Request overlaps another request');
    expect(errorMessage('x')).toBe('Something went wrong.');
  });
});
