import type { Bilingual } from '../kindUi';

/** A subscription's settings. */
export const SUBSCRIPTION_FIELDS: Readonly<Record<string, Bilingual>> = {
  retryPolicy: { en: 'Retry policy', es: 'Política de reintentos' },
  minimumBackoffMs: { en: 'Minimum backoff (ms)', es: 'Espera mínima (ms)' },
  maximumBackoffMs: { en: 'Maximum backoff (ms)', es: 'Espera máxima (ms)' },
  mode: { en: 'Mode', es: 'Modo' },
  subscribed: { en: 'Subscribed', es: 'Suscrita' },
  ackDeadlineMs: { en: 'Ack deadline (ms)', es: 'Plazo de confirmación (ms)' },
  preset: { en: 'Defaults of', es: 'Valores por defecto de' },
  backoffMs: { en: 'Ack wait per delivery (BackOff, ms)', es: 'Espera de confirmación por entrega (BackOff, ms)' },
  maxAckPending: { en: 'Unacked at most (all subscribers)', es: 'Sin confirmar como máximo (todos los suscriptores)' },
  maxDeliveryAttempts: { en: 'Delivery attempts before dead letter', es: 'Intentos antes de mensaje muerto' },
  retentionMs: { en: 'Retention (ms)', es: 'Retención (ms)' },
  maxOutstanding: { en: 'Unacked per subscriber', es: 'Sin confirmar por suscriptor' },
  enableMessageOrdering: { en: 'Deliver each key in order', es: 'Entregar cada clave en orden' },
  maxLeaseExtensionMs: { en: 'Client extends deadline up to (ms)', es: 'El cliente amplía el plazo hasta (ms)' },
};
