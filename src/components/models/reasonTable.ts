import { GLOSSARY as G } from '../../i18n/glossary';

/**
 * Every reason the models write in a trace event (`reason` of a drop, requeue, dead-letter,
 * suppression, rebalance, member removal, offset reset, failed call or webhook attempt), as the
 * model writes it (the key, English) and in Spanish. The trace stays as the engine wrote it
 * (trace hashes do not change); the UI reads each reason through this table.
 *
 * A key may hold placeholders for the parts a model fills in, matched by their name:
 * - `{node…}`: a node id, shown as the node's label;
 * - `{kind…}`: a kind id, shown as the kind's name;
 * - `{n…}`: a number;
 * - `{reason…}`: another reason of this table, translated in turn;
 * - any other name: text kept as written (a URL, a group name, a setting's value, a key).
 * Where a reason names a setting or a protocol term (`auto.offset.reset`, `basic.return`), the
 * Spanish keeps it, as the documentation a learner will read next does.
 */
export const REASONS: Readonly<Record<string, string>> = {
  // engine: links and nodes
  'network partition': `partición de red: el ${G.link.es} está cortado`,
  'lost on the network': 'perdido en la red',
  '{kind} does not accept messages': `un nodo de tipo {kind} no acepta ${G.message.es}s`,
  'consumer {node} went offline holding it': `el ${G.consumer.es} {node} se desconectó mientras lo tenía`,

  // core services
  'host unreachable': 'host inalcanzable',
  'server went offline': 'el servidor se desconectó',

  // RabbitMQ
  'queue offline': `${G.queue.es} desconectada`,
  'exchange offline': `${G.exchange.es} ${G.offline.es}`,
  'dead-letter cycle': `ciclo de ${G.deadLetter.es}`,
  'reject-publish': 'publicación rechazada (reject-publish)',
  rejected: 'rechazado',
  expired: 'caducado (TTL)',
  maxlen: 'longitud máxima alcanzada (maxlen)',
  delivery_limit: 'límite de entregas alcanzado (delivery_limit)',
  parked: 'aparcado',
  purged: 'purgado',
  nack: 'rechazado con nack',
  'auto-ack: processing failed': 'auto-ack: el procesamiento falló',
  'auto-ack: consumer went offline': `auto-ack: el ${G.consumer.es} se desconectó`,
  'consumer {node} went offline': `el ${G.consumer.es} {node} se desconectó`,
  'heartbeat timeout: consumer {node} unreachable': `heartbeat sin respuesta: ${G.consumer.es} {node} inalcanzable`,
  'consumer_timeout: {node} held a delivery unacked over {n} ms': `consumer_timeout: {node} retuvo una entrega sin ${G.ack.es} más de {n} ms`,
  'broker restart: transient message': 'reinicio del broker: mensaje no persistente',
  'broker restart: transient queue deleted': `reinicio del broker: ${G.queue.es} no duradera eliminada`,
  'broker restart: unacked, recovered from disk': `reinicio del broker: sin ${G.ack.es}, recuperado del disco`,
  'routing loop': 'bucle de enrutado',
  'queue full (x-overflow {overflow})': `${G.queue.es} llena (x-overflow {overflow})`,
  unroutable: 'no enrutable',
  'returned by {node} (basic.return, NO_ROUTE): no binding matches “{key}”':
    `devuelto por {node} (basic.return, NO_ROUTE): ninguna ${G.bindingKey.es} coincide con “{key}”`,

  // Kafka
  'topic offline': `${G.topic.es} ${G.offline.es}`,
  '{reason}: sent to {node}': '{reason}: enviado a {node}',
  'could not be deserialized at {n}@{n2}': 'no se pudo deserializar en {n}@{n2}',
  'processing failed {n} times': 'el procesamiento falló {n} veces',
  'processing failed: the consumer seeks back and retries it': `el procesamiento falló: el ${G.consumer.es} vuelve atrás (seek) y lo reintenta`,
  'at-most-once: its offset was committed before processing and the consumer went offline':
    `como mucho una vez: su ${G.offset.es} se confirmó con ${G.commit.es} antes de procesarlo y el ${G.consumer.es} se desconectó`,
  '{node} went offline before processing it': '{node} se desconectó antes de procesarlo',
  'read again from an earlier offset': `leído otra vez desde un ${G.offset.es} anterior`,
  'deleted by retention; no consumer group read it': `borrado por la retención; ningún ${G.consumerGroup.es} lo leyó`,
  'deleted by retention before group {group} read it': `borrado por la retención antes de que el ${G.group.es} {group} lo leyera`,
  '{node} is not a member of any group': `{node} no es miembro de ningún ${G.group.es}`,
  'delivery.timeout.ms ({n} ms) ran out while the network to {node} was cut: the producer gave up':
    `delivery.timeout.ms ({n} ms) se agotó con la red hacia {node} cortada: el ${G.producer.es} se rindió`,
  'delivery.timeout.ms ({n} ms) ran out while {node} was unavailable: the producer gave up':
    `delivery.timeout.ms ({n} ms) se agotó mientras {node} no estaba disponible: el ${G.producer.es} se rindió`,
  '{node} joined': `{node} entró en el ${G.group.es}`,
  '{node} restarted and rejoined with a new member id': `{node} se reinició y volvió al ${G.group.es} con un nuevo id de miembro`,
  '{node}: {reason}': '{node}: {reason}',
  'session timeout': 'sesión caducada (session.timeout.ms)',
  'left the group': `salió del ${G.group.es}`,
  'max.poll.interval.ms exceeded': 'max.poll.interval.ms superado',
  'no committed offset: auto.offset.reset={setting} on partition {n}':
    `sin ${G.offset.es} confirmado con ${G.commit.es}: auto.offset.reset={setting} en la ${G.partition.es} {n}`,
  'auto.offset.reset={setting} on partition {n}': `auto.offset.reset={setting} en la ${G.partition.es} {n}`,
  'reset to earliest': `vuelta al ${G.offset.es} más antiguo`,
  'reset to latest': `vuelta al ${G.offset.es} más reciente`,
  'reset to offset {n}': `vuelta al ${G.offset.es} {n}`,
  'reset to time {n} ms': `vuelta al ${G.offset.es} del instante {n} ms`,

  // Pub/sub
  'topic unavailable': `${G.topic.es} no disponible`,
  'no subscription': `ninguna ${G.subscription.es}`,
  'ack deadline expired': `${G.ackDeadline.es} vencido`,
  'retention expired': 'retención vencida',
  'subscription deleted': `${G.subscription.es} eliminada`,
  'subscriber offline (fire-and-forget)': 'suscriptor desconectado (sin reentrega: fire-and-forget)',
  'past its ack deadline, already redelivered': `pasado su ${G.ackDeadline.es}, ya se volvió a entregar`,
  'processing failed (fire-and-forget: no redelivery)': 'el procesamiento falló (fire-and-forget: sin reentrega)',
  'subscriber {node} went offline': 'el suscriptor {node} se desconectó',
  'max deliveries reached: kept in the stream, not delivered again': 'máximo de entregas alcanzado: se queda en el stream, sin volver a entregarse',
  max_delivery_attempts: 'máximo de intentos de entrega alcanzado (max_delivery_attempts)',

  // HTTP: callers, the load balancer
  'client offline': `cliente ${G.offline.es}`,
  'caller went offline': 'el llamante se desconectó',
  'no dependency to call': 'ninguna dependencia a la que llamar',
  'idempotency key replayed': `${G.idempotencyKey.es} repetida`,
  'connection refused': 'conexión rechazada',
  'connection reset': 'conexión cortada',
  '5xx': 'error 5xx',
  timeout: `${G.timeout.es} agotado`,
  'circuit open': `${G.circuitBreaker.es} ${G.breakerOpen.es}`,
  'bulkhead full': 'mamparo (bulkhead) lleno',
  'retry budget exhausted': `presupuesto de ${G.retry.es}s agotado`,
  'caller saturated': 'llamante saturado',
  'upstream timeout': `${G.timeout.es} agotado en el destino (upstream)`,
  'load balancer went offline': `el ${G.loadBalancer.es} se desconectó`,

  // Webhooks
  'webhook sender offline': `emisor de webhooks ${G.offline.es}`,
  'endpoint {url} is disabled': 'el endpoint {url} está desactivado',
  'endpoint {url} disabled': 'endpoint {url} desactivado',
  'endpoint {url} unregistered': 'endpoint {url} dado de baja',
  'no endpoint registered for {type}': 'ningún endpoint registrado para {type}',
  'manual redelivery': 'reentrega manual',
  'manual redelivery failed': 'la reentrega manual falló',
  'failed after the sender gave up on it': 'falló después de que el emisor se rindiera',
  'answered after the sender gave up on it': 'respondido después de que el emisor se rindiera',
  'answer came after the timeout; waiting for the retry': `la respuesta llegó pasado el ${G.timeout.es}; espera al ${G.retry.es}`,
  'HTTP {n}': 'HTTP {n}',
  '{reason}: held for a retry': `{reason}: retenido para un ${G.retry.es}`,
  'retries exhausted after {n} attempts': `${G.retry.es}s agotados tras {n} intentos`,
  'timeout after {n} ms': `${G.timeout.es} agotado tras {n} ms`,
  'failing: {n} consecutive failed attempts since t={n2} ms (last: {reason})':
    'fallando: {n} intentos fallidos seguidos desde t={n2} ms (último: {reason})',
  'duplicate of {id}, already processed: answered 200 without processing': 'duplicado de {id}, ya procesado: respondió 200 sin procesarlo',
  'rejected by {node}: HTTP {n} ({reason})': 'rechazado por {node}: HTTP {n} ({reason})',
  'rejected by {node}: HTTP {n}': 'rechazado por {node}: HTTP {n}',
  'signature does not match': 'la firma no coincide',
  'timestamp too old: a replay?': 'marca de tiempo demasiado antigua: ¿una repetición?',
  'timestamp too far in the future': 'marca de tiempo demasiado en el futuro',
  'missing or malformed signature headers': 'cabeceras de firma ausentes o mal formadas',

  // Delay hops
  'delay hop offline': `salto de retardo ${G.offline.es}`,
  'delay hop has no outgoing link': `el salto de retardo no tiene ${G.link.es} de salida`,
  'delay hop does not relay HTTP requests (use link latency)': `el salto de retardo no reenvía peticiones HTTP (usa la latencia del ${G.link.es})`,

  // Sagas
  'saga compensated': 'saga compensada',
  'saga orchestrator offline': `orquestador de sagas ${G.offline.es}`,
  'compensation failed at {node} ({reason}): saga failed': 'la compensación falló en {node} ({reason}): la saga falló',
  'no link to participant {node}': `ningún ${G.link.es} al participante {node}`,
};
