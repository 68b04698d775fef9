// Fails when a screen still shows hard-coded English: a JSX text with letters,
// or a string literal in a user-facing attribute (label, title, placeholder, …), that does not go
// through the translator. A small scanner over the source (TypeScript's own parser), not a linter.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { VALIDATION_KEYS } from './validation';
import en from './messages/en';

/** Every screen's source text, by path under src/ (Vite reads them at test time). */
const SOURCES = Object.fromEntries(
  Object.entries(import.meta.glob('../**/*.tsx', { query: '?raw', import: 'default', eager: true }) as Record<string, string>).map(
    ([path, text]) => [path.replace(/^\.\.\//, ''), text],
  ),
);

/**
 * Files this check leaves alone, each with its reason; every other .tsx under src/ is guarded, so a
 * new screen is checked from its first line.
 */
export const EXCEPTIONS: Record<string, string> = {};

/** The files this check guards: every screen and component (tests aside) but the exceptions. */
export const GUARDED = Object.keys(SOURCES)
  .filter((f) => !/\.test\.tsx$/.test(f) && !(f in EXCEPTIONS))
  .sort();

/** Attributes whose string value a person reads. */
const USER_FACING = new Set(['label', 'title', 'placeholder', 'hint', 'aria-label', 'alt', 'description', 'emptyTitle', 'caption']);

/** Texts that are the same in every language (the product name, units written as symbols, file types). */
const ALLOWED = new Set(['Power PTO', 'CSV', 'JSON', 'h', 'min', 'PTO', 'E-Mail', 'ID', 'uuid']);

/** lib/units helpers that write English words; on a screen, amounts go through useAmounts() instead. */
const ENGLISH_FORMATTERS = new Set(['formatDuration', 'formatDaysAndHours', 'formatDays', 'formatHours', 'formatMinutesOnly', 'formatSigned']);

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
    // a message key ({ label: 'feeds.scope.mine' }, translated where it is shown) is not English
    if (!/[A-Za-zÄÖÜäöüß]{2,}/.test(clean) || ALLOWED.has(clean) || clean in en) return;
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
    // formatDuration(…) and friends write English ("1.5 days", "Unlimited"): screens use useAmounts()
    if (ts.isCallExpression(node) && ENGLISH_FORMATTERS.has(node.expression.getText())) report(node, `English amount: ${node.getText()}`);
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
       const o = [{ value: 'a', label: 'Everyone' }, { to: '/x', label: 'Fallback', msg: 'nav.x' }, { value: 'b', label: t('k') }, { value: 'c', label: 'unit.unlimited' }];
       const d = <dd>{formatDuration(m, unit)} {amounts.one(m, unit)}</dd>;`,
    );
    expect(found.map((f) => f.text)).toEqual(['Hello there', 'Some text', 'Other', 'Saved it', '`Delete ?`', 'Everyone', 'English amount: formatDuration(m, unit)']);
  });

  it('guards every screen but the listed exceptions, and each exception still exists', () => {
    expect(GUARDED.length).toBeGreaterThan(60);
    expect(Object.keys(EXCEPTIONS).filter((f) => !(f in SOURCES))).toEqual([]);
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
