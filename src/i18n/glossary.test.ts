import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { GLOSSARY } from './glossary';

describe('the glossary', () => {
  it('is the only Spanish for circuit breaker and rebalance: no other synonym anywhere', () => {
    const spanish = Object.values(es).join('\n').toLowerCase();
    for (const other of ['cortacircuito', 'cortocircuito', 'reequilibr', 'rebalancear']) expect(spanish).not.toContain(other);
    expect(spanish).toContain(GLOSSARY.circuitBreaker.es);
    expect(spanish).toContain(GLOSSARY.rebalance.es);
  });

  it('gives the cards, the log and the screen-reader names the same words in each language', () => {
    expect(es.breakerTo.toLowerCase()).toContain(GLOSSARY.circuitBreaker.es);
    expect(es.lxBreaker).toContain(GLOSSARY.circuitBreaker.es);
    expect(en.breakerTo.toLowerCase()).toContain(GLOSSARY.circuitBreaker.en);
    expect(en.lxBreaker).toContain(GLOSSARY.circuitBreaker.en);
    expect(es.edgeLabel).toMatch(/^Enlace de \{from\} a \{to\}$/);
  });
});
