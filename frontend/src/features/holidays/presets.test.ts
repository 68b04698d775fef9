import { describe, expect, it } from 'vitest';
import { bindingLabel, countriesOf, countryName, regionsOf } from './presets';

const PRESETS = [
  { country: 'AT', region: null, name: 'Austria' },
  { country: 'DE', region: null, name: 'Germany' },
  { country: 'DE', region: 'HH', name: 'Hamburg' },
  { country: 'DE', region: 'BY', name: 'Bavaria' },
  { country: 'FR', region: null, name: 'France' },
];

describe('holiday presets', () => {
  it('names countries in the reader’s language and sorts them by that name', () => {
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countriesOf(PRESETS, 'de').map((c) => c.name)).toEqual(['Deutschland', 'Frankreich', 'Österreich']);
    expect(countriesOf(PRESETS, 'en').map((c) => c.code)).toEqual(['AT', 'FR', 'DE']);
  });

  it('lists one country’s regions by name', () => {
    expect(regionsOf(PRESETS, 'DE')).toEqual([
      { code: 'BY', name: 'Bavaria' },
      { code: 'HH', name: 'Hamburg' },
    ]);
    expect(regionsOf(PRESETS, 'FR')).toEqual([]);
  });

  it('labels a location’s binding', () => {
    expect(bindingLabel({ country: 'DE', region: 'BY' }, PRESETS, 'en')).toBe('Germany – Bavaria');
    expect(bindingLabel({ country: 'DE', region: null }, PRESETS, 'de')).toBe('Deutschland');
    expect(bindingLabel({ country: null, region: null }, PRESETS, 'en')).toBeNull();
  });
});
