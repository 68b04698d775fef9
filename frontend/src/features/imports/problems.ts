// An import problem in the reader's language (issue 26): the server names each problem with a
// stable `code` and the values in it (`params`); its English `message` is the fallback for a code
// this screen does not know yet.
import type { IntlShape } from 'react-intl';
import Papa from 'papaparse';

export interface ImportProblem {
  row: number;
  column: string | null;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

export function problemSentence(intl: IntlShape, p: ImportProblem): string {
  const code = p.code === 'adjustment_refused' && p.params?.code === 'insufficient_balance' ? 'insufficient_balance' : p.code;
  const id = code ? `import.problem.${code}` : '';
  if (!id || !intl.messages[id]) return p.message;
  const values = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)]));
  return intl.formatMessage({ id }, values);
}

/**
 * The first rows of a CSV for the preview, read by a real CSV parser (quoted cells such as
 * "Smith, Jr." stay one cell); empty lines are skipped. The server reads the whole file itself.
 */
export function previewRows(text: string, max = 8): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: max + 1, skipEmptyLines: 'greedy' });
  return parsed.data;
}
