import type { Bilingual } from '../kindUi';

/** A load balancer's settings, its outlier detection's included. */
export const LB_FIELDS: Readonly<Record<string, Bilingual>> = {
  policy: { en: 'Policy', es: 'Política' },
  timeoutMs: { en: 'Route timeout (ms)', es: 'Tiempo límite de la ruta (ms)' },
  outlierDetection: { en: 'Outlier detection', es: 'Detección de réplicas anómalas' },
  consecutive5xx: { en: 'Failures in a row to eject', es: 'Fallos seguidos para expulsar' },
  baseEjectionTimeMs: { en: 'First ejection (ms)', es: 'Primera expulsión (ms)' },
  maxEjectionTimeMs: { en: 'Longest ejection (ms)', es: 'Expulsión más larga (ms)' },
  intervalMs: { en: 'Sweep every (ms)', es: 'Revisión cada (ms)' },
  maxEjectionPercent: { en: 'Ejected at most (%)', es: 'Expulsadas como máximo (%)' },
};
