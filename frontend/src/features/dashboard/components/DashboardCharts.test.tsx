// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderIn } from '@/test/render';
import DashboardCharts from './DashboardCharts';

afterEach(cleanup);

describe('dashboard charts (issue 26)', () => {
  it('screen-reader labels use the German decimal comma on German screens', () => {
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    const { container } = renderIn(
      <DashboardCharts
        summary={{
          employees: 3, policies: 1, pending_requests: 0, requests_by_status: {},
          usage_by_category: [{ category: 'VACATION', used_minutes: 1200 }],
          balances_by_team: [{ manager_id: null, manager_name: 'Mia Moreau', employees: 2, available_minutes: 5280 }],
        }}
      />,
      'de',
    );
    const labels = [...container.querySelectorAll('figure')].map((f) => f.getAttribute('aria-label'));
    expect(labels).toContain('Verbrauch nach Kategorie (Tage zu 8 Std.): Urlaub 2,5 Tage');
    expect(labels.some((l) => l?.includes('Mia Moreau 11 Tage'))).toBe(true);
    expect(labels.join(' ')).not.toMatch(/\d\.\d/);
    vi.unstubAllGlobals();
  });
});
