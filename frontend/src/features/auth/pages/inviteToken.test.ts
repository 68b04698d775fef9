import { describe, expect, it } from 'vitest';
import { inviteTokenFrom } from './AcceptInvitePage';

describe('inviteTokenFrom (issue 16: the token travels in the URL fragment)', () => {
  it('reads the token from the fragment', () => {
    expect(inviteTokenFrom('#token=abc-DEF_123', '')).toBe('abc-DEF_123');
  });
  it('prefers the fragment and still accepts a link made before the change', () => {
    expect(inviteTokenFrom('#token=new', '?token=old')).toBe('new');
    expect(inviteTokenFrom('', '?token=old')).toBe('old');
  });
  it('is empty without a token', () => {
    expect(inviteTokenFrom('', '')).toBe('');
    expect(inviteTokenFrom('#other=1', '')).toBe('');
  });
});
