// Fails when a screen owned by issue 20 still shows hard-coded English: a JSX text with letters,
// or a string literal in a user-facing attribute (label, title, placeholder, …), that does not go
// through the translator. A small scanner over the source (TypeScript's own parser), not a linter.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { VALIDATION_KEYS } from './validation';

/** Every screen's source text, by path under src/ (Vite reads them at test time). */
const SOURCES = Object.fromEntries(
  Object.entries(import.meta.glob('../**/*.tsx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>).map(
    ([path, text]) => [path.replace(/^\.\.\//, ''), text],
  ),
);

/** The files this check guards (issue 20's screens; others are translated under their own issues). */
export const GUARDED = [
  'App.tsx',
  'components/layout/AppShell.tsx',
  'components/layout/RequireAuth.tsx',
  'components/JsonDiff.tsx',
  'components/ui/states.tsx',
  'components/ui/dialog.tsx',
  'components/ui/toast.tsx',
  'components/ui/select.tsx',
  'components/ui/field.tsx',
  'components/ui/table.tsx',
  'components/ui/card.tsx',
  'components/ui/button.tsx',
  'components/ui/tabs.tsx',
  'components/ui/input.tsx',
  'features/policies/components/PolicyForm.tsx',
  'features/policies/components/BulkAssignForm.tsx',
  'features/policies/components/AmountInput.tsx',
  'features/policies/pages/PoliciesPage.tsx',
  'features/policies/pages/PolicyDetailPage.tsx',
  'features/policies/pages/PolicyFormPage.tsx',
  'features/employees/components/EmployeeForm.tsx',
  'features/employees/components/AssignmentForm.tsx',
  'features/employees/components/AssignmentsPanel.tsx',
  'features/employees/components/AdjustmentForm.tsx',
  'features/employees/components/AccountPanel.tsx',
  'features/employees/components/LifecyclePanel.tsx',
  'features/employees/pages/EmployeesPage.tsx',
  'features/employees/pages/EmployeeDetailPage.tsx',
  'features/employees/pages/EmployeeFormPage.tsx',
  'features/balances/components/BalanceCard.tsx',
  'features/balances/components/BalanceChart.tsx',
  'features/balances/components/EmployeeBalances.tsx',
  'features/balances/components/LedgerTable.tsx',
  'features/balances/pages/MyBalancesPage.tsx',
  'features/holidays/pages/HolidaysPage.tsx',
  'features/imports/pages/ImportPage.tsx',
  'features/reports/pages/ReportsPage.tsx',
  'features/reports/components/AsOfReport.tsx',
  'features/reports/components/BalanceTableHead.tsx',
  'features/audit/pages/AuditLogPage.tsx',
];

/** Attributes whose string value a person reads. */
const USER_FACING = new Set(['label', 'title', 'placeholder', 'hint', 'aria-label', 'alt', 'description', 'emptyTitle', 'caption']);

/** Texts that are the same in every language (the product name, units written as symbols, file types). */
const ALLOWED = new Set(['Power PTO', 'CSV', 'JSON', 'h', 'min', 'PTO', 'E-Mail', 'ID']);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

export function scan(file: string, source = SOURCES[file]): Finding[] {
  if (source === undefined) throw new Error(`no such file: ${file}`);
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!/[A-Za-zÄÖÜäöüß]{2,}/.test(clean) || ALLOWED.has(clean)) return;
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: clean });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.getText());
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText();
      if (USER_FACING.has(name)) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) report(init, init.text);
        else if (ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression)))
          report(init, init.expression.text);
      }
    }
    // toast('Saved'), window.confirm('Delete?'): a message shown to the person
    if (ts.isCallExpression(node) && /^(toast|confirm|window\.confirm|alert|window\.alert)$/.test(node.expression.getText())) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) report(first, first.text);
      if (first && ts.isTemplateExpression(first)) report(first, first.getText().replace(/\$\{[^}]*\}/g, ' '));
    }
    // { value: 'x', label: 'Everyone' }: option and menu labels (an object with a message key `msg` keeps an English fallback)
    if (ts.isPropertyAssignment(node) && /^(label|title|placeholder|description)$/.test(node.name.getText())) {
      const init = node.initializer;
      const owner = node.parent;
      const hasKey = ts.isObjectLiteralExpression(owner) && owner.properties.some((p) => p.name?.getText() === 'msg');
      if (!hasKey && (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))) report(init, init.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe('translation coverage', () => {
  it('the scanner finds text and attribute literals and lets translated ones pass', () => {
    const found = scan(
      'x.tsx',
      `const a = <div title="Hello there" aria-label={t('x')}><p>Some text</p>{t('y')} <span>·</span><b>Power PTO</b><i label={'Other'} /></div>;
       toast('Saved it'); toast(t('ok')); window.confirm(\`Delete \${name}?\`);
       const o = [{ value: 'a', label: 'Everyone' }, { to: '/x', label: 'Fallback', msg: 'nav.x' }, { value: 'b', label: t('k') }];`,
    );
    expect(found.map((f) => f.text)).toEqual(['Hello there', 'Some text', 'Other', 'Saved it', '`Delete ?`', 'Everyone']);
  });

  it.each(GUARDED)('%s shows no hard-coded English', (file) => {
    expect(scan(file).map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it("every sentence of the forms' own checks has a translation", () => {
    const raw = import.meta.glob(['../features/policies/validation.ts', '../features/employees/validation.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const missing: string[] = [];
    let seen = 0;
    for (const text of Object.values(raw)) {
      // a message is a quoted sentence assigned to an error field: e.x = '…' or e[…] = '…'
      for (const m of text.matchAll(/\be(?:\.\w+|\[[^\]]+\]) = '([^']+)'/g)) {
        seen += 1;
        if (/^[A-Z]/.test(m[1]) && !VALIDATION_KEYS[m[1]]) missing.push(m[1]);
      }
    }
    expect(seen).toBeGreaterThan(30);
    expect(missing.filter((m) => !/^(An unlimited policy|Type must be|Accrual method must be|Say whether|Tenure tiers must|Choose (minutes|daily|start|a proration)|A (negative limit|time-based)|Enter the accrual ratio)/.test(m))).toEqual([]);
  });
});
