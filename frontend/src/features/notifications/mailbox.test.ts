import { describe, expect, it } from 'vitest';
import { linkify } from './pages/DevMailboxPage';
import { googleUrl, webcalUrl } from '../calendar/components/CalendarFeedsCard';

describe('development mailbox links', () => {
  it('splits text around absolute links', () => {
    expect(linkify('Approve: http://localhost:8000/approvals?request=1 now')).toEqual([
      'Approve: ',
      { href: 'http://localhost:8000/approvals?request=1' },
      ' now',
    ]);
    expect(linkify('no links')).toEqual(['no links']);
  });
});

describe('calendar subscribe links', () => {
  it('uses webcal for Outlook/Apple and a cid for Google', () => {
    expect(webcalUrl('https://pto.example/api/calendar/abc.ics')).toBe('webcal://pto.example/api/calendar/abc.ics');
    expect(googleUrl('https://pto.example/api/calendar/abc.ics')).toBe(
      'https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fpto.example%2Fapi%2Fcalendar%2Fabc.ics',
    );
  });
});
