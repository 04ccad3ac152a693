import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { GLOSSARY } from './glossary';

// Every kind's sentences and setting labels live beside its card; they follow the glossary too.
const kindTexts = import.meta.glob<Record<string, unknown>>(['../components/models/*/phrases.ts', '../components/models/*/fields.ts'], { eager: true });

/** Every string found under a key `lang` anywhere inside `value`. */
function textsIn(value: unknown, lang: 'en' | 'es', inside = false, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (inside) out.push(value);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) textsIn(v, lang, inside || k === lang, out);
  }
  return out;
}

const spanish = [...Object.values(es), ...textsIn(kindTexts, 'es')].join('\n').toLowerCase();
const english = [...Object.values(en), ...textsIn(kindTexts, 'en')].join('\n').toLowerCase();

describe('the glossary', () => {
  it('is the only Spanish for circuit breaker and rebalance: no other synonym anywhere', () => {
    expect(spanish.length).toBeGreaterThan(5000);
    for (const other of ['cortacircuito', 'cortocircuito', 'reequilibr', 'rebalancear']) expect(spanish).not.toContain(other);
    expect(spanish).toContain(GLOSSARY.circuitBreaker.es);
    expect(spanish).toContain(GLOSSARY.rebalance.es);
  });

  it('gives the cards, the log and the screen-reader names the same words in each language', () => {
    expect(es.breakerTo.toLowerCase()).toContain(GLOSSARY.circuitBreaker.es);
    expect(en.breakerTo.toLowerCase()).toContain(GLOSSARY.circuitBreaker.en);
    expect(english).toContain(`circuit breaker for {dep}`);
    expect(spanish).toContain(`el ${GLOSSARY.circuitBreaker.es} de {node} hacia {dep}`);
    expect(es.edgeLabel).toMatch(/^Enlace de \{from\} a \{to\}$/);
  });
});
