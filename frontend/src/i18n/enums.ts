import { useIntl, type IntlShape } from 'react-intl';
import { humanize } from '@/lib/format';

/** The kinds of server enums shown to people; each value has a message `enum.<kind>.<VALUE>`. */
export type EnumKind = 'category' | 'unit' | 'frequency' | 'entry' | 'source' | 'entity' | 'action';

/** `enumLabel(intl, 'category', 'VACATION')` → "Vacation" / "Urlaub"; an unknown value is humanized. */
export function enumLabel(intl: IntlShape, kind: EnumKind, value: string | null | undefined): string {
  if (!value) return '—';
  const id = `enum.${kind}.${value}`;
  return intl.messages[id] ? intl.formatMessage({ id }) : humanize(value);
}

/** {@link enumLabel} bound to the reader's language, for components. */
export function useEnumLabel(): (kind: EnumKind, value: string | null | undefined) => string {
  const intl = useIntl();
  return (kind, value) => enumLabel(intl, kind, value);
}
