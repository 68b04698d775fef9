import { describe, expect, it } from 'vitest';
import { mrkdwn } from './DevSlackPage';

describe('mrkdwn (the development Slack page reads Block Kit text)', () => {
  it('drops bold markers, emoji codes and link syntax, and unescapes', () => {
    expect(mrkdwn('*When*\nMon 2 Aug')).toBe('When\nMon 2 Aug');
    expect(mrkdwn(':white_check_mark: *Approved by Mia at 10:42*')).toBe('Approved by Mia at 10:42');
    expect(mrkdwn('<https://pto.test/approvals?request=1|Open in Power PTO>')).toBe('Open in Power PTO');
    expect(mrkdwn('Busy &lt;week&gt; &amp; more')).toBe('Busy <week> & more');
  });
});
