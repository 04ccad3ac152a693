/**
 * The domain's terms, once, in both languages: every dictionary phrase that names one of
 * these concepts takes the word from here, so a term reads the same everywhere (the card,
 * the log, the narration, the inspector). Identifiers (topic, queue and group names, event
 * types) are never translated; phrases quote them.
 */
export const GLOSSARY = {
  message: { en: 'message', es: 'mensaje' },
  event: { en: 'event', es: 'evento' },
  producer: { en: 'producer', es: 'productor' },
  consumer: { en: 'consumer', es: 'consumidor' },
  queue: { en: 'queue', es: 'cola' },
  backlog: { en: 'backlog', es: 'pendientes' },
  exchange: { en: 'exchange', es: 'exchange' },
  bindingKey: { en: 'binding key', es: 'clave de enlace' },
  routingKey: { en: 'routing key', es: 'clave de enrutado' },
  deadLetter: { en: 'dead-letter', es: 'mensajes muertos' },
  ack: { en: 'ack', es: 'confirmación' },
  topic: { en: 'topic', es: 'tema' },
  partition: { en: 'partition', es: 'partición' },
  offset: { en: 'offset', es: 'offset' },
  commit: { en: 'commit', es: 'commit' },
  consumerGroup: { en: 'consumer group', es: 'grupo de consumidores' },
  group: { en: 'group', es: 'grupo' },
  rebalance: { en: 'rebalance', es: 'rebalanceo' },
  rebalancing: { en: 'rebalancing', es: 'rebalanceando' },
  subscription: { en: 'subscription', es: 'suscripción' },
  ackDeadline: { en: 'ack deadline', es: 'plazo de confirmación' },
  circuitBreaker: { en: 'circuit breaker', es: 'disyuntor' },
  breakerOpen: { en: 'open', es: 'abierto' },
  breakerClosed: { en: 'closed', es: 'cerrado' },
  breakerHalfOpen: { en: 'half-open', es: 'semiabierto' },
  retry: { en: 'retry', es: 'reintento' },
  timeout: { en: 'timeout', es: 'tiempo de espera' },
  link: { en: 'link', es: 'enlace' },
  online: { en: 'online', es: 'en línea' },
  offline: { en: 'offline', es: 'desconectado' },
  loadBalancer: { en: 'load balancer', es: 'balanceador de carga' },
  replica: { en: 'replica', es: 'réplica' },
  idempotencyKey: { en: 'idempotency key', es: 'clave de idempotencia' },
  record: { en: 'record', es: 'registro' },
  fetch: { en: 'fetch', es: 'fetch' },
  saga: { en: 'saga', es: 'saga' },
  compensation: { en: 'compensation', es: 'compensación' },
  orchestrator: { en: 'orchestrator', es: 'orquestador' },
  choreography: { en: 'choreography', es: 'coreografía' },
  reaction: { en: 'reaction', es: 'reacción' },
} as const satisfies Record<string, { en: string; es: string }>;

/** A glossary term. */
export type Term = keyof typeof GLOSSARY;

/** The term in English. */
export const termEn = (term: Term): string => GLOSSARY[term].en;
/** The term in Spanish. */
export const termEs = (term: Term): string => GLOSSARY[term].es;

/** The term with its first letter in capitals ("Disyuntor"). */
export function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
