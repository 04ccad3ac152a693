import { describe, expect, it, vi } from 'vitest';

describe('a refused link before the other language has loaded', () => {
  it('is refused in both languages, each in its own words (the interface loads one language at first)', async () => {
    // A fresh module graph: no language loaded yet, as in the CLI, or in the app before the idle
    // fetch of the language not shown (found by `npm run fuzz`: the refusal threw).
    vi.resetModules();
    const { hasLang } = await import('../i18n/translate');
    expect(hasLang('es')).toBe(false);
    const { decodeShareHash } = await import('./shareLink');
    const { decodeCompareHash } = await import('./compare/compareLink');
    for (const result of [await decodeShareHash('As=user-registered-queue'), await decodeCompareHash('#compare=nope')]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues.en[0]?.message).toMatch(/link|comparison/i);
      expect(result.issues.es[0]?.message).toMatch(/enlace|comparación/i);
      expect(result.issues.es[0]?.message).not.toBe(result.issues.en[0]?.message);
    }
  }, 30_000); // a fresh module graph imports the engine again: seconds on a busy machine
});
