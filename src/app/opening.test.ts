import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../sim/catalog';
import { appStore } from '../store/appStore';
import { readInBothLanguages, refuse } from './opening';

describe('opening untrusted input', () => {
  it('refuses a malformed scenario with the same located problem in both languages', () => {
    const read = readInBothLanguages((lang) => parseScenarioText('{"nodes": [', lang));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.en[0]!.message).toMatch(/^This is not valid JSON/);
    expect(read.issues.es[0]!.message).toMatch(/^No es un JSON válido/);
  });

  it('accepts a valid scenario and gives it as read', () => {
    const text = JSON.stringify({ id: 'one', title: 'One', durationMs: 1000, nodes: [{ id: 'p', kind: 'producer' }], links: [] });
    const read = readInBothLanguages((lang) => parseScenarioText(text, lang));
    expect(read.ok && read.scenario.nodes.map((n) => n.id)).toEqual(['p']);
  });

  it('a refusal shows a notice and leaves the scenario on screen as it was', () => {
    const before = appStore.getState().scenario;
    const issues = { en: [{ path: 'x', message: 'bad' }], es: [{ path: 'x', message: 'mal' }] };
    expect(refuse('rejectedFile', issues, 'unchanged')).toBe(false);
    expect(appStore.getState().notice).toEqual({ title: 'rejectedFile', issues, instead: 'unchanged' });
    expect(appStore.getState().scenario).toBe(before);
  });
});
