import type { Phrases } from '../kindUi';

const en = {
  ejected: '{node} ejected {replica} after {failures} failures in a row, until {until} (ejection {n})',
  returned: '{node} put {replica} back in the rotation',
  timeout: '{node} gave up on {replica} for {msg} after {after} and answered 504',
};

/** The sentences of the load balancer's trace events, in both languages (placeholders in braces). */
/** The keys of this family's sentences. */
export type PhraseKey = keyof typeof en;

export const PHRASES: Phrases<PhraseKey> = {
  en,
  es: {
    ejected: '{node} expulsó a {replica} tras {failures} fallos seguidos, hasta {until} (expulsión {n})',
    returned: '{node} devolvió a {replica} a la rotación',
    timeout: '{node} dejó de esperar a {replica} por {msg} tras {after} y respondió 504',
  },
};
