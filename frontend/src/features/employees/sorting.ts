// Lists people read in order (issue 26: assignment lists and pickers came in the server's order).
import type { Assignment } from '@/lib/types';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorts by a label (case- and accent-insensitive, numbers as numbers), then by `tie`. */
export function byLabel<T>(items: readonly T[], label: (item: T) => string, tie?: (a: T, b: T) => number): T[] {
  return [...items].sort((a, b) => collator.compare(label(a), label(b)) || (tie ? tie(a, b) : 0));
}

/** Assignments grouped by `label` (the policy's or the person's name), the newest start first within each. */
export function sortAssignments(assignments: readonly Assignment[], label: (a: Assignment) => string): Assignment[] {
  return byLabel(assignments, label, (a, b) => b.effective_from.localeCompare(a.effective_from));
}
