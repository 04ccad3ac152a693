import type { Lang } from '../sim/engine/errors';

/**
 * Names shared by every kind, in both languages: distribution parameters and live figures
 * (`stats()` fields). Each kind's own settings are named in its UI descriptor
 * (src/components/models/<family>/fields.ts); a field named nowhere is shown humanized
 * (`slowCallRateThreshold` → "Slow call rate threshold").
 */
export const FIELD_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  // distribution parameters
  dist: { en: 'Distribution', es: 'Distribución' },
  ms: { en: 'Duration (ms)', es: 'Duración (ms)' },
  meanMs: { en: 'Mean (ms)', es: 'Media (ms)' },
  sdMs: { en: 'Std. deviation (ms)', es: 'Desviación típica (ms)' },
  minMs: { en: 'Min (ms)', es: 'Mín. (ms)' },
  maxMs: { en: 'Max (ms)', es: 'Máx. (ms)' },
  // live figures
  online: { en: 'Online', es: 'En línea' },
  backlog: { en: 'Backlog', es: 'Pendientes' },
  now: { en: 'now', es: 'ahora' },
  max: { en: 'max', es: 'máx.' },
  timeAvg: { en: 'time average', es: 'media en el tiempo' },
  processed: { en: 'Processed', es: 'Procesados' },
  latencyMs: { en: 'Latency (ms)', es: 'Latencia (ms)' },
  count: { en: 'count', es: 'cantidad' },
  mean: { en: 'mean', es: 'media' },
  p50: { en: 'p50', es: 'p50' },
  p90: { en: 'p90', es: 'p90' },
  p95: { en: 'p95', es: 'p95' },
  p99: { en: 'p99', es: 'p99' },
  busy: { en: 'Busy', es: 'Ocupados' },
  waiting: { en: 'Waiting', es: 'En espera' },
  failed: { en: 'Failed', es: 'Fallidos' },
  rejected: { en: 'Rejected', es: 'Rechazados' },
  orphaned: { en: 'Served after caller gave up', es: 'Servidos tras rendirse el cliente' },
  published: { en: 'Published', es: 'Publicados' },
  acked: { en: 'Acked', es: 'Confirmados' },
  nacked: { en: 'Nacked', es: 'Rechazados (nack)' },
  requeued: { en: 'Requeued', es: 'Reencolados' },
  redelivered: { en: 'Redelivered', es: 'Reentregados' },
  expired: { en: 'Expired', es: 'Caducados' },
  deadLettered: { en: 'Dead-lettered', es: 'Mensajes muertos' },
  dropped: { en: 'Lost', es: 'Perdidos' },
  delivered: { en: 'Delivered', es: 'Entregados' },
  received: { en: 'Received', es: 'Recibidos' },
  duplicates: { en: 'Duplicates', es: 'Duplicados' },
  inFlight: { en: 'In flight', es: 'En curso' },
  calls: { en: 'Calls', es: 'Llamadas' },
  attempts: { en: 'Attempts', es: 'Intentos' },
  retries: { en: 'Retries', es: 'Reintentos' },
  callsSucceeded: { en: 'Calls succeeded', es: 'Llamadas con éxito' },
  callsFailed: { en: 'Calls failed', es: 'Llamadas fallidas' },
  failedBy: { en: 'Failed by cause', es: 'Fallos por causa' },
  pendingRetries: { en: 'Pending retries', es: 'Reintentos pendientes' },
  nextAttemptAt: { en: 'Next attempt at (ms)', es: 'Próximo intento a los (ms)' },
  succeeded: { en: 'Succeeded', es: 'Con éxito' },
  ready: { en: 'Ready', es: 'Listos' },
  unacked: { en: 'Unacked', es: 'Sin confirmar' },
  lag: { en: 'Lag', es: 'Retraso' },
  totalLag: { en: 'Total lag', es: 'Retraso total' },
  appended: { en: 'Appended', es: 'Añadidos' },
  routed: { en: 'Routed', es: 'Enrutados' },
  unroutable: { en: 'Unroutable', es: 'Sin ruta' },
  parked: { en: 'Parked', es: 'Aparcados' },
  staleAcks: { en: 'Stale acks', es: 'Confirmaciones obsoletas' },
  channelsDown: { en: 'Channels down', es: 'Canales caídos' },
  channelsClosed: { en: 'Channels closed', es: 'Canales cerrados' },
  consumerTimeouts: { en: 'Consumer timeouts', es: 'Plazos de consumidor vencidos (consumer_timeout)' },
  brokerRestarts: { en: 'Broker restarts', es: 'Reinicios del broker' },
  forgottenOnRestart: { en: 'Forgotten on restart', es: 'Olvidados al reiniciar' },
  channel: { en: 'Channel', es: 'Canal' },
  parkedByReason: { en: 'Parked by reason', es: 'Aparcados por motivo' },
  consumers: { en: 'Consumers', es: 'Consumidores' },
  toAlternate: { en: 'To the alternate exchange', es: 'Al exchange alternativo' },
  copies: { en: 'Copies', es: 'Copias' },
  routedTo: { en: 'Routed to', es: 'Enrutados a' },
  retentionDeleted: { en: 'Deleted by retention', es: 'Borrados por retención' },
  groups: { en: 'Consumer groups', es: 'Grupos de consumidores' },
  members: { en: 'Members', es: 'Miembros' },
  assignment: { en: 'Assignment', es: 'Asignación' },
  idle: { en: 'Idle', es: 'Inactivos' },
  down: { en: 'Down', es: 'Caídos' },
  generation: { en: 'Generation', es: 'Generación' },
  rebalancing: { en: 'Rebalancing', es: 'Rebalanceando' },
  rebalances: { en: 'Rebalances', es: 'Rebalanceos' },
  committed: { en: 'Committed offsets', es: 'Offsets confirmados' },
  position: { en: 'Positions', es: 'Posiciones' },
  replayed: { en: 'Replayed', es: 'Repetidos' },
  lost: { en: 'Lost', es: 'Perdidos' },
  expiredUnread: { en: 'Expired unread', es: 'Caducados sin leer' },
  fannedOut: { en: 'Fanned out', es: 'Copias repartidas' },
  droppedNoSubscription: { en: 'Lost: no subscription', es: 'Perdidos: sin suscripción' },
  droppedOffline: { en: 'Lost while offline', es: 'Perdidos sin conexión' },
  subscriptions: { en: 'Subscriptions', es: 'Suscripciones' },
  deadlinesMissed: { en: 'Deadlines missed', es: 'Plazos incumplidos' },
  superseded: { en: 'Superseded', es: 'Reemplazados' },
  lateAcks: { en: 'Late acks', es: 'Confirmaciones tardías' },
  oldestUnackedAgeMs: { en: 'Oldest unacked age (ms)', es: 'Edad del más antiguo sin confirmar (ms)' },
  connection: { en: 'Connection', es: 'Conexión' },
  '5xx': { en: '5xx', es: '5xx' },
  timeout: { en: 'Timeout', es: 'Tiempo agotado' },
  circuitOpen: { en: 'Circuit open', es: 'Circuito abierto' },
  bulkheadFull: { en: 'Bulkhead full', es: 'Mamparo lleno' },
  budgetExhausted: { en: 'Retry budget exhausted', es: 'Presupuesto agotado' },
  callsAborted: { en: 'Calls aborted', es: 'Llamadas abortadas' },
  timeouts: { en: 'Timeouts', es: 'Tiempos agotados' },
  lateResponses: { en: 'Late responses', es: 'Respuestas tardías' },
  sending: { en: 'Sending', es: 'Enviando' },
  backingOff: { en: 'Backing off', es: 'Esperando para reintentar' },
  dependencies: { en: 'Dependencies', es: 'Dependencias' },
  callLatencyMs: { en: 'Call latency (ms)', es: 'Latencia de llamada (ms)' },
  failedLatencyMs: { en: 'Failed call latency (ms)', es: 'Latencia de llamadas fallidas (ms)' },
  breaker: { en: 'Breaker', es: 'Disyuntor' },
  breakerTransitions: { en: 'Breaker transitions', es: 'Cambios del disyuntor' },
  shortCircuited: { en: 'Short-circuited', es: 'Cortocircuitadas' },
  bulkheadInUse: { en: 'Bulkhead in use', es: 'Mamparo en uso' },
  bulkheadRejected: { en: 'Bulkhead rejected', es: 'Rechazadas por el mamparo' },
  events: { en: 'Events', es: 'Eventos' },
  deliveries: { en: 'Deliveries', es: 'Entregas' },
  http5xx: { en: 'HTTP 5xx', es: 'HTTP 5xx' },
  http4xx: { en: 'HTTP 4xx', es: 'HTTP 4xx' },
  other: { en: 'Other', es: 'Otros' },
  retriesScheduled: { en: 'Retries scheduled', es: 'Reintentos programados' },
  droppedDisabled: { en: 'Lost: endpoint disabled', es: 'Perdidos: endpoint desactivado' },
  droppedUnregistered: { en: 'Lost: endpoint unregistered', es: 'Perdidos: endpoint dado de baja' },
  unrouted: { en: 'Unrouted', es: 'Sin destino' },
  endpoints: { en: 'Endpoints', es: 'Endpoints' },
  endpointsDisabled: { en: 'Endpoints disabled', es: 'Endpoints desactivados' },
  lateAnswers: { en: 'Late answers', es: 'Respuestas tardías' },
  badSignature: { en: 'Bad signature', es: 'Firma incorrecta' },
  replay: { en: 'Replays', es: 'Repeticiones' },
  malformed: { en: 'Malformed', es: 'Mal formados' },
  verified: { en: 'Verified', es: 'Verificados' },
  deduplicated: { en: 'Deduplicated', es: 'Deduplicados' },
  sent: { en: 'Sent', es: 'Enviados' },
  accepted: { en: 'Accepted', es: 'Aceptados' },
};

/**
 * Names of the values a setting can take (the scenario's enum values), for the inspector's
 * menus. Product and protocol names (fanout, Svix, Kafka's assignors) read the same in both.
 */
export const OPTION_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  after: { en: 'after processing (at least once)', es: 'tras procesar (al menos una vez)' },
  before: { en: 'before processing (at most once)', es: 'antes de procesar (como mucho una vez)' },
  all: { en: 'every dependency', es: 'todas las dependencias' },
  'round-robin': { en: 'round robin', es: 'por turnos' },
  classic: { en: 'classic', es: 'clásica' },
  quorum: { en: 'quorum', es: 'quórum' },
  'drop-head': { en: 'drop the oldest', es: 'descartar la más antigua' },
  'reject-publish': { en: 'reject new messages', es: 'rechazar las nuevas' },
  'reject-publish-dlx': { en: 'reject new messages to the dead letters', es: 'rechazar las nuevas a mensajes muertos' },
  durable: { en: 'durable', es: 'duradera' },
  persistent: { en: 'persistent (to disk)', es: 'persistente (a disco)' },
  transient: { en: 'transient (memory only)', es: 'transitorio (solo en memoria)' },
  'fire-and-forget': { en: 'fire and forget', es: 'disparar y olvidar' },
  earliest: { en: 'earliest', es: 'la más antigua' },
  latest: { en: 'latest', es: 'la más reciente' },
  forge: { en: 'forge signatures', es: 'falsificar firmas' },
  replay: { en: 'replay old requests', es: 'repetir peticiones viejas' },
  manual: { en: 'manual', es: 'manual' },
  auto: { en: 'automatic', es: 'automática' },
  none: { en: 'none', es: 'ninguno' },
  full: { en: 'full jitter', es: 'jitter completo' },
  equal: { en: 'equal jitter', es: 'jitter igual' },
  decorrelated: { en: 'decorrelated jitter', es: 'jitter decorrelado' },
  poisson: { en: 'random (Poisson)', es: 'al azar (Poisson)' },
  constant: { en: 'constant', es: 'constante' },
  uniform: { en: 'uniform', es: 'uniforme' },
  exponential: { en: 'exponential', es: 'exponencial' },
  normal: { en: 'normal', es: 'normal' },
  lognormal: { en: 'lognormal', es: 'lognormal' },
  queue: { en: 'wait in line', es: 'esperar en cola' },
  reject: { en: 'reject', es: 'rechazar' },
  refuse: { en: 'refuse connections', es: 'rechazar conexiones' },
  hang: { en: 'unreachable (callers time out)', es: 'inalcanzable (se agota el tiempo)' },
  requeue: { en: 'requeue', es: 'reencolar' },
  'dead-letter': { en: 'dead-letter', es: 'a mensajes muertos' },
  type: { en: 'event type', es: 'tipo de evento' },
  key: { en: 'message key', es: 'clave del mensaje' },
};

/** A setting value's name in `lang`, or the value itself. */
export function optionName(value: string, lang: Lang): string {
  return OPTION_NAMES[value]?.[lang] ?? value;
}

/** A field's name in `lang`, or its humanized name when the table does not have it. */
export function fieldName(key: string, lang: Lang): string {
  return FIELD_NAMES[key]?.[lang] ?? humanize(key);
}

/** `slowCallDurationThresholdMs` → "Slow call duration threshold (ms)"; `ratePerSec` → "Rate per sec". */
export function humanize(key: string): string {
  let unit = '';
  let base = key;
  if (/[a-z]Ms$/.test(base)) {
    unit = ' (ms)';
    base = base.slice(0, -2);
  } else if (/[a-z]Sec$/.test(base)) {
    unit = ' (s)';
    base = base.slice(0, -3);
  }
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1) + unit;
}
