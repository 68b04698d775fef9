// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { clearSession } from '@/lib/session';
import { CID, renderSignedIn, stubApi } from '@/test/app';
import ImportPage from './ImportPage';
import { previewRows } from '../problems';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

const FILE = 'email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,pay_type\r\n'
  + 'al@acme.test,Al,"Smith, Jr.",ghost@acme.test,Mars/Olympus,2024-02-30,MON FUNDAY,30,SALARY\r\n';

const REPORT = {
  rows: 1, created: 0, updated: 0, unchanged: 0, dry_run: true,
  errors: [
    { row: 2, column: 'timezone', message: '"Mars/Olympus" is not an IANA time zone such as Europe/Paris', code: 'timezone_invalid', params: { value: 'Mars/Olympus' } },
    { row: 2, column: 'work_days', message: '"MON FUNDAY" must be distinct day names', code: 'work_days_invalid', params: { value: 'MON FUNDAY' } },
    { row: 2, column: 'manager_email', message: 'unknown manager ghost@acme.test: not in this file nor among the company\'s employees', code: 'manager_unknown', params: { manager: 'ghost@acme.test' } },
    { row: 2, column: null, message: 'a problem this screen does not know', code: 'brand_new_code', params: {} },
  ],
};

function upload(text: string) {
  const file = new File([text], 'people.csv', { type: 'text/csv' });
  // jsdom's File has no text(); the browser's does
  Object.defineProperty(file, 'text', { value: async () => text });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

describe('import page (issue 26)', () => {
  it('previews a quoted "Smith, Jr." as one cell (a real CSV parser)', () => {
    const rows = previewRows(FILE);
    expect(rows[1][2]).toBe('Smith, Jr.');
    expect(rows[1]).toHaveLength(9);
    expect(previewRows('\uFEFFa,b\n\n1,"x\ny"\n')).toEqual([['a', 'b'], ['1', 'x\ny']]);
  });

  it('shows the accepted work-days format and every problem of the row in German, by code', async () => {
    const calls = stubApi((call) => (call.path === `/companies/${CID}/imports/employees` ? REPORT : undefined));
    renderSignedIn(<ImportPage />, { locale: 'de' });
    expect(await screen.findByText(/MON TUE WED THU FRI, durch Leerzeichen oder Semikolons getrennt/)).toBeTruthy();
    upload(FILE);
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByText('Smith, Jr.')).toBeTruthy();
    const problems = await screen.findAllByTestId('import-error-row');
    expect(problems.map((r) => r.textContent)).toEqual([
      '2timezone„Mars/Olympus“ ist keine Zeitzone wie Europe/Berlin.',
      '2work_days„MON FUNDAY“: Verwenden Sie verschiedene Tageskürzel aus MON TUE WED THU FRI SAT SUN, durch Leerzeichen oder Semikolons getrennt.',
      '2manager_emailUnbekannte Führungskraft ghost@acme.test: weder in dieser Datei noch unter den Mitarbeitenden des Unternehmens.',
      '2—a problem this screen does not know',
    ]);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
  });
});
