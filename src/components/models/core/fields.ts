import type { Bilingual } from '../kindUi';

/** A producer's settings, by scenario field. */
export const PRODUCER_FIELDS: Readonly<Record<string, Bilingual>> = {
  ratePerSec: { en: 'Rate (per second)', es: 'Ritmo (por segundo)' },
  arrivals: { en: 'Arrivals', es: 'Llegadas' },
  interarrival: { en: 'Gap between arrivals', es: 'Intervalo entre llegadas' },
  burst: { en: 'Messages per arrival', es: 'Mensajes por llegada' },
  eventType: { en: 'Event name', es: 'Nombre del evento' },
  keys: { en: 'Distinct keys', es: 'Claves distintas' },
  keyPrefix: { en: 'Key prefix', es: 'Prefijo de clave' },
  startMs: { en: 'Start at (ms)', es: 'Empieza a los (ms)' },
  stopMs: { en: 'Stop at (ms)', es: 'Para a los (ms)' },
  limit: { en: 'Limit', es: 'Límite' },
  confirms: { en: 'Publisher confirms', es: 'Confirmaciones del publicador' },
  window: { en: 'Unconfirmed at most', es: 'Sin confirmar como máximo' },
  republishAfterMs: { en: 'Republish a nack after (ms)', es: 'Republicar tras un nack (ms)' },
};

/** A service's settings (also the base of REST services and webhook receivers). */
export const SERVICE_FIELDS: Readonly<Record<string, Bilingual>> = {
  concurrency: { en: 'Concurrency', es: 'Concurrencia' },
  serviceTime: { en: 'Service time', es: 'Tiempo de servicio' },
  failureRate: { en: 'Failure rate', es: 'Tasa de fallos' },
  maxQueue: { en: 'Accept queue', es: 'Cola de aceptación' },
  whenOffline: { en: 'When offline', es: 'Desconectado' },
};
