import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/appStore';
import { hasLang, loadLang, translate } from './translate';

describe('the languages’ strings, one chunk each', () => {
  it('switches the interface only once the new language’s strings are there', async () => {
    const store = createAppStore('en');
    store.getState().setLang('es');
    expect(store.getState().lang).toBe('en');
    await loadLang('es');
    await Promise.resolve();
    expect(store.getState().lang).toBe('es');
    expect(hasLang('es')).toBe(true);
    expect(translate('es', 'close')).toBe('Cerrar');
  });

  it('loads each language once: every call answers with the same promise', () => {
    expect(loadLang('es')).toBe(loadLang('es'));
  });
});
