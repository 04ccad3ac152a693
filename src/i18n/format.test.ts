import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';

describe('formatNumber', () => {
  it('writes small whole numbers as Intl.NumberFormat does, in English and Spanish', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const digits of [0, 1, 2]) {
        const intl = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
        for (let n = -1200; n <= 1200; n++) expect(formatNumber(n, lang, digits)).toBe(intl.format(n));
        expect(formatNumber(-0, lang, digits)).toBe(intl.format(-0));
      }
    }
  });

  it('groups thousands and writes fractions the way each language does', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'es')).toBe('12.345');
    expect(formatNumber(2.5, 'en', 1)).toBe('2.5');
    expect(formatNumber(2.5, 'es', 1)).toBe('2,5');
    expect(formatNumber(0.25, 'en', 0)).toBe('0');
  });
});
