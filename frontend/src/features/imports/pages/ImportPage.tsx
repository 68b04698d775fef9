import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, apiUrl, companyPath } from '@/lib/api';
import { errorSentence } from '@/lib/errors';
import { useIntl } from 'react-intl';
import { authHeaders } from '@/lib/session';
import { useMe } from '@/lib/auth';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import { previewRows, problemSentence, type ImportProblem } from '../problems';
import { ResendInvitationsCard } from '../components/ResendInvitationsCard';

interface Report {
  rows: number;
  created: number;
  updated: number;
  unchanged?: number;
  dry_run?: boolean;
  errors: ImportProblem[];
  invites?: { employee_id: string; email: string; invite_token: string }[];
  error?: string;
  code?: string;
}

type Kind = 'employees' | 'balances';


async function upload(path: string, query: string, file: File): Promise<{ status: number; report: Report }> {
  const res = await fetch(apiUrl(path) + query, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Accept: 'application/json', ...authHeaders() },
    body: file,
  });
  const report = (await res.json().catch(() => ({ rows: 0, created: 0, updated: 0, errors: [] }))) as Report;
  return { status: res.status, report: { ...report, errors: report.errors ?? [] } };
}

/** Upload a CSV, see a preview and every problem (dry run), then import it all at once. */
export default function ImportPage() {
  const me = useMe();
  const t = useT();
  const intl = useIntl();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('employees');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string[][]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [invite, setInvite] = useState(false);
  const [busy, setBusy] = useState(false);
  const path = companyPath(me.company_id, `/imports/${kind}`);

  async function choose(f: File | null) {
    setFile(f);
    setReport(null);
    setFailure(null);
    setPreview(f ? previewRows(await f.text()) : []);
    if (f) await run(true, f);
  }

  async function run(dryRun: boolean, f = file) {
    if (!f) return;
    setBusy(true);
    try {
      const query = `?dry_run=${dryRun}${kind === 'employees' && invite && !dryRun ? '&invite=true' : ''}`;
      const { status, report: r } = await upload(path, query, f);
      if (status >= 400 && r.errors.length === 0) {
        // A refusal with a known code (e.g. recent_sign_in_required before inviting) in the reader's language.
        setFailure(r.code ? errorSentence(intl, new ApiError(status, r.error ?? '', null, { code: r.code })) : (r.error ?? t('import.refused', { status })));
        setReport(null);
        return;
      }
      setFailure(status >= 400 ? (r.error ?? null) : null);
      setReport(r);
      if (!dryRun && status === 200) {
        toast(t('import.done', { created: r.created, updated: r.updated }));
        await qc.invalidateQueries();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      <Card className="max-w-4xl space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('import.what')}>
            <Select
              value={kind}
              onValueChange={(k) => {
                setKind(k as Kind);
                setFile(null);
                setPreview([]);
                setReport(null);
                setFailure(null);
              }}
              options={[
                { value: 'employees', label: t('nav.employees') },
                { value: 'balances', label: t('import.balances') },
              ]}
              data-testid="import-kind"
            />
          </Field>
          <Field label={t('import.file')} hint={t(kind === 'employees' ? 'import.hint.employees' : 'import.hint.balances')}>
            <input
              type="file"
              accept=".csv,text/csv"
              className="block w-full text-sm"
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
              data-testid="import-file"
            />
          </Field>
        </div>
        {kind === 'employees' && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} data-testid="import-invite" />
            {t('import.invite')}
          </label>
        )}
        {preview.length > 0 && (
          <div className="overflow-x-auto">
            <Table caption={t('import.preview')} data-testid="import-preview">
              <thead>
                <tr>
                  <Th>{t('import.row')}</Th>
                  {preview[0].map((h, i) => (
                    <Th key={i}>{h}</Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.slice(1).map((r, i) => (
                  <tr key={i}>
                    <Td>{i + 2}</Td>
                    {r.map((c, j) => (
                      <Td key={j}>{c}</Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {failure && (
          <p role="alert" className="text-sm text-red-700" data-testid="import-failure">
            {failure}
          </p>
        )}
        {report && (
          <div data-testid="import-report" className="space-y-3">
            <p className="text-sm" data-testid="import-summary">
              {t('import.summary', {
                check: report.dry_run ? 'yes' : 'no',
                rows: report.rows,
                created: report.created,
                kind,
                updated: report.updated,
                unchanged: report.unchanged ?? 0,
                problems: report.errors.length,
              })}
            </p>
            {report.errors.length > 0 && (
              <Table caption={t('import.problems')} data-testid="import-errors">
                <thead>
                  <tr>
                    <Th>{t('import.row')}</Th>
                    <Th>{t('import.column')}</Th>
                    <Th>{t('import.problem')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={i} data-testid="import-error-row">
                      <Td>{e.row}</Td>
                      <Td>{e.column ?? '—'}</Td>
                      <Td>{problemSentence(intl, e)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {report.invites && report.invites.length > 0 && (
              <p className="text-sm" data-testid="import-invites">
                {t('import.invites', { count: report.invites.length })}
              </p>
            )}
          </div>
        )}
        <div className="flex gap-2">
          <Button
            onClick={() => run(false)}
            disabled={!file || busy || !report || !report.dry_run || report.errors.length > 0}
            data-testid="import-run"
          >
            {t('import.run')}
          </Button>
        </div>
      </Card>
      <ResendInvitationsCard />
    </>
  );
}
