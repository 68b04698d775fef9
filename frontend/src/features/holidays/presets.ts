import type { HolidayPreset } from '@/lib/types';

/** A country's name in the reader's language (Intl), else the preset's English name. */
export function countryName(code: string, locale: string, fallback?: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code);
    if (name && name !== code) return name;
  } catch {
    // an old browser without Intl.DisplayNames: the preset's own name
  }
  return fallback ?? code;
}

/** The countries of the presets, sorted by their name in the reader's language. */
export function countriesOf(presets: HolidayPreset[], locale: string): { code: string; name: string }[] {
  return presets
    .filter((p) => p.region === null)
    .map((p) => ({ code: p.country, name: countryName(p.country, locale, p.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** One country's regions, by name (Jollyday's English names: region names have no Intl translation). */
export function regionsOf(presets: HolidayPreset[], country: string): { code: string; name: string }[] {
  return presets
    .filter((p) => p.country === country && p.region !== null)
    .map((p) => ({ code: p.region as string, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** "Germany – Bavaria" for a location's binding, "Germany" without a region; null when unbound. */
export function bindingLabel(
  binding: { country: string | null; region: string | null },
  presets: HolidayPreset[],
  locale: string,
): string | null {
  if (!binding.country) return null;
  const country = presets.find((p) => p.country === binding.country && p.region === null);
  const name = countryName(binding.country, locale, country?.name);
  if (!binding.region) return name;
  const region = presets.find((p) => p.country === binding.country && p.region === binding.region);
  return `${name} – ${region?.name ?? binding.region}`;
}
