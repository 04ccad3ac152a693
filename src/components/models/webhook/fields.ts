import type { Bilingual } from '../kindUi';
import { SERVICE_FIELDS } from '../core/fields';

/** A webhook sender's settings. */
export const SENDER_FIELDS: Readonly<Record<string, Bilingual>> = {
  retry: { en: 'Retry policy', es: 'Política de reintentos' },
  initialMs: { en: 'First retry after (ms)', es: 'Primer reintento tras (ms)' },
  factor: { en: 'Growth factor', es: 'Factor de crecimiento' },
  maxAttempts: { en: 'Attempts (first included)', es: 'Intentos (con el primero)' },
  timeScale: { en: 'Time scale', es: 'Escala de tiempo' },
  timeoutMs: { en: 'Timeout (ms)', es: 'Tiempo límite (ms)' },
  disable: { en: 'Disable failing endpoint', es: 'Desactivar endpoint que falla' },
  failedAttempts: { en: 'Failed attempts', es: 'Intentos fallidos' },
  failingForMs: { en: 'Failing for (ms)', es: 'Fallando durante (ms)' },
  signature: { en: 'Signature format', es: 'Formato de firma' },
  ratePerSec: { en: 'Rate (per second)', es: 'Ritmo (por segundo)' },
  arrivals: { en: 'Arrivals', es: 'Llegadas' },
  eventType: { en: 'Event name', es: 'Nombre del evento' },
  stopMs: { en: 'Stop at (ms)', es: 'Para a los (ms)' },
};

/** A webhook receiver's settings: a service's and its endpoint's. */
export const RECEIVER_FIELDS: Readonly<Record<string, Bilingual>> = {
  ...SERVICE_FIELDS,
  url: { en: 'URL', es: 'URL' },
  events: { en: 'Events wanted', es: 'Eventos deseados' },
  secret: { en: 'Signing secret', es: 'Secreto de firma' },
  signature: { en: 'Signature format', es: 'Formato de firma' },
  verify: { en: 'Verify signatures', es: 'Verificar firmas' },
  toleranceSec: { en: 'Timestamp tolerance (s)', es: 'Tolerancia de marca de tiempo (s)' },
  timeScale: { en: 'Time scale', es: 'Escala de tiempo' },
  dedupe: { en: 'Deduplicate', es: 'Deduplicar' },
  dedupeMemory: { en: 'Ids remembered', es: 'Ids recordados' },
  register: { en: 'Register at start', es: 'Registrarse al inicio' },
  registerAtMs: { en: 'Register at (ms)', es: 'Registrarse a los (ms)' },
};

/** An attacker's settings. */
export const ATTACKER_FIELDS: Readonly<Record<string, Bilingual>> = {
  mode: { en: 'Mode', es: 'Modo' },
  startMs: { en: 'Start at (ms)', es: 'Empieza a los (ms)' },
  everyMs: { en: 'Every (ms)', es: 'Cada (ms)' },
  limit: { en: 'Limit', es: 'Límite' },
  eavesdrop: { en: 'Eavesdrop on', es: 'Espía a' },
  secret: { en: 'Signing secret', es: 'Secreto de firma' },
  signature: { en: 'Signature format', es: 'Formato de firma' },
  eventType: { en: 'Event name', es: 'Nombre del evento' },
};
