import { describe, expect, it } from 'vitest';
import { MESSAGES, phrase, type MessageKey } from './errors';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the bilingual error table', () => {
  it('says the same things in both languages: every placeholder of the English text is in the Spanish one', () => {
    const mismatched = (Object.keys(MESSAGES) as MessageKey[]).filter(
      (key) => placeholders(MESSAGES[key].en).join() !== placeholders(MESSAGES[key].es).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders, and shows a missing one as written rather than "undefined"', () => {
    expect(phrase('es', 'badSeed', { text: 'x' })).toBe('--seed: "x" no es un número entero');
    expect(phrase('en', 'notComparison', {})).toBe('{file} is not a valid comparison:');
  });
});
