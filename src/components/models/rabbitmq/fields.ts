import type { Bilingual } from '../kindUi';

/** A queue's settings. */
export const QUEUE_FIELDS: Readonly<Record<string, Bilingual>> = {
  heartbeatSec: { en: 'Heartbeat timeout (s)', es: 'Límite de heartbeat (s)' },
  prefetch: { en: 'Prefetch', es: 'Prefetch' },
  ack: { en: 'Acknowledgement', es: 'Confirmación' },
  queueType: { en: 'Queue type', es: 'Tipo de cola' },
  onNack: { en: 'On nack', es: 'Al rechazar (nack)' },
  messageTtlMs: { en: 'Message TTL (ms)', es: 'TTL del mensaje (ms)' },
  maxLength: { en: 'Max length', es: 'Longitud máxima' },
  overflow: { en: 'When full', es: 'Al llenarse' },
  deadLetterExchange: { en: 'Dead-letter exchange', es: 'Exchange de mensajes muertos' },
  deadLetterRoutingKey: { en: 'Dead-letter routing key', es: 'Clave de enrutado de muertos' },
  deliveryLimit: { en: 'Delivery limit', es: 'Límite de entregas' },
  deadLetterQueue: { en: 'Dead-letter queue', es: 'Cola de mensajes muertos' },
  consumerTimeoutMs: { en: 'Consumer timeout (ms)', es: 'Límite del consumidor (ms)' },
  durable: { en: 'Durable (survives a restart)', es: 'Duradera (sobrevive a un reinicio)' },
  deliveryMode: { en: 'Delivery mode', es: 'Modo de entrega' },
  confirmBatchMs: { en: 'Disk batch for confirms (ms)', es: 'Lote de disco para confirmaciones (ms)' },
};

/** An exchange's settings. */
export const EXCHANGE_FIELDS: Readonly<Record<string, Bilingual>> = {
  type: { en: 'event type', es: 'tipo de evento' },
  routingKeyFrom: { en: 'Routing key from', es: 'Clave de enrutado desde' },
  alternateExchange: { en: 'Alternate exchange', es: 'Exchange alternativo' },
  mandatory: { en: 'Mandatory (return unroutable)', es: 'Mandatory (devolver lo no enrutable)' },
};
