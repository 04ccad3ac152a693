import type { Bilingual } from '../kindUi';
import { SERVICE_FIELDS } from '../core/fields';

/** How a caller calls its dependencies: timeout, retries, breaker, bulkhead, retry budget. */
export const CALLER_FIELDS: Readonly<Record<string, Bilingual>> = {
  multiplier: { en: 'Wait multiplier', es: 'Multiplicador de espera' },
  timeoutMs: { en: 'Timeout (ms)', es: 'Tiempo límite (ms)' },
  retry: { en: 'Retry policy', es: 'Política de reintentos' },
  maxAttempts: { en: 'Attempts (first included)', es: 'Intentos (con el primero)' },
  jitter: { en: 'Jitter', es: 'Variación (jitter)' },
  baseMs: { en: 'First wait (ms)', es: 'Primera espera (ms)' },
  capMs: { en: 'Longest wait (ms)', es: 'Espera máxima (ms)' },
  circuitBreaker: { en: 'Circuit breaker', es: 'Disyuntor' },
  failureRateThreshold: { en: 'Failure rate threshold (%)', es: 'Umbral de tasa de fallos (%)' },
  slowCallRateThreshold: { en: 'Slow call threshold (%)', es: 'Umbral de llamadas lentas (%)' },
  slowCallDurationThresholdMs: { en: 'Slow call after (ms)', es: 'Llamada lenta tras (ms)' },
  slidingWindowSize: { en: 'Window (calls)', es: 'Ventana (llamadas)' },
  minimumNumberOfCalls: { en: 'Minimum calls', es: 'Llamadas mínimas' },
  waitDurationInOpenStateMs: { en: 'Open for (ms)', es: 'Abierto durante (ms)' },
  permittedNumberOfCallsInHalfOpenState: { en: 'Trial calls when half-open', es: 'Llamadas de prueba semiabierto' },
  automaticTransitionFromOpenToHalfOpenEnabled: { en: 'Half-open automatically', es: 'Semiabrir automáticamente' },
  bulkhead: { en: 'Bulkhead', es: 'Mamparo (bulkhead)' },
  maxConcurrentCalls: { en: 'Concurrent calls', es: 'Llamadas concurrentes' },
  retryBudget: { en: 'Retry budget', es: 'Presupuesto de reintentos' },
  ratio: { en: 'Ratio', es: 'Proporción' },
  windowMs: { en: 'Window (ms)', es: 'Ventana (ms)' },
  idempotencyKeys: { en: 'Send idempotency keys', es: 'Enviar claves de idempotencia' },
};

/** A REST client's settings. */
export const REST_CLIENT_FIELDS: Readonly<Record<string, Bilingual>> = {
  ...CALLER_FIELDS,
  maxConcurrent: { en: 'Calls at once', es: 'Llamadas a la vez' },
  overflow: { en: 'When full', es: 'Al llenarse' },
  maxWaiting: { en: 'Calls waiting at most', es: 'Llamadas en espera como máximo' },
  route: { en: 'Route', es: 'Ruta' },
};

/** A REST service's settings: a service's and a caller's. */
export const REST_SERVICE_FIELDS: Readonly<Record<string, Bilingual>> = {
  ...SERVICE_FIELDS,
  ...CALLER_FIELDS,
  callType: { en: 'Call name', es: 'Nombre de la llamada' },
  idempotency: { en: 'Honour idempotency keys', es: 'Respetar claves de idempotencia' },
  retentionMs: { en: 'Keep results for (ms)', es: 'Guardar resultados durante (ms)' },
};
