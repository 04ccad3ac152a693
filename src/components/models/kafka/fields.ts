import type { Bilingual } from '../kindUi';

/** A Kafka topic's settings, its consumer groups' included. */
export const TOPIC_FIELDS: Readonly<Record<string, Bilingual>> = {
  maxPollRecords: { en: 'Records per poll (max)', es: 'Registros por poll (máx.)' },
  maxPollIntervalMs: { en: 'Max time between polls (ms)', es: 'Tiempo máx. entre polls (ms)' },
  partitions: { en: 'Partitions', es: 'Particiones' },
  retentionMs: { en: 'Retention (ms)', es: 'Retención (ms)' },
  retentionCheckMs: { en: 'Retention check (ms)', es: 'Comprobación de retención (ms)' },
  stickyBatchRecords: { en: 'Sticky batch (records)', es: 'Lote fijo (registros)' },
  commit: { en: 'Commit', es: 'Commit' },
  autoCommitIntervalMs: { en: 'Auto-commit interval (ms)', es: 'Intervalo de commit automático (ms)' },
  sessionTimeoutMs: { en: 'Session timeout (ms)', es: 'Caducidad de sesión (ms)' },
  heartbeatIntervalMs: { en: 'Heartbeat interval (ms)', es: 'Intervalo de latido (ms)' },
  rebalancePauseMs: { en: 'Rebalance pause (ms)', es: 'Pausa de rebalanceo (ms)' },
  assignor: { en: 'Partition assignor', es: 'Asignador de particiones' },
  autoOffsetReset: { en: 'Offset reset', es: 'Reinicio de offset' },
  groups: { en: 'Consumer groups', es: 'Grupos de consumidores' },
  initialRebalanceDelayMs: { en: 'First rebalance delay (ms)', es: 'Retraso del primer rebalanceo (ms)' },
  deliveryTimeoutMs: { en: 'Producer delivery timeout (ms)', es: 'Plazo de entrega del productor (ms)' },
  retryBackoffMs: { en: 'Producer retry backoff (ms)', es: 'Espera entre reintentos del productor (ms)' },
  idempotence: { en: 'Idempotent producer', es: 'Productor idempotente' },
  maxInFlight: { en: 'Requests in flight (max)', es: 'Peticiones en vuelo (máx.)' },
  poisonEvery: { en: 'Poison record every (records)', es: 'Registro envenenado cada (registros)' },
  deadLetterTopic: { en: 'Dead-letter topic', es: 'Tema de mensajes muertos' },
  maxAttempts: { en: 'Attempts before dead-lettering', es: 'Intentos antes de descartar' },
  produceErrorRate: { en: 'Produce error rate', es: 'Tasa de errores al producir' },
};
