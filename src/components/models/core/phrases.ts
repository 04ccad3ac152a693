import type { Phrases } from '../kindUi';

const en = {
  published: '{node} published {msg}',
  copied: '{node} copied {msg}',
  sent: '{msg} left {from} for {to} ({channel})',
  enqueued: '{msg} entered {node} (backlog {backlog})',
  received: '{node} received {msg} from {from}',
  processing: '{node} started processing {msg}',
  processed: '{node} finished {msg} after {latency}',
  processedDup: '{node} finished {msg} again (a duplicate) after {latency}',
  requeued: '{node} put {msg} back in line ({reason})',
  deadLettered: '{node} dead-lettered {msg} ({reason})',
  dropped: '{node} lost {msg} ({reason})',
  signal: '{from} sent {signal} to {to}',
  signalFor: '{from} sent {signal} for {msg} to {to}',
  signalStatus: '{from} answered {to} with {status}',
  online: '{node} came back online',
  offline: '{node} went offline',
  configured: '{node} changed settings: {patch}',
};

/** The sentences this family's trace events read as, in both languages (placeholders in braces). */
export const PHRASES: Phrases<keyof typeof en> = {
  en,
  es: {
    published: '{node} publicó {msg}',
    copied: '{node} copió {msg}',
    sent: '{msg} salió de {from} hacia {to} ({channel})',
    enqueued: '{msg} entró en {node} (pendientes: {backlog})',
    received: '{node} recibió {msg} de {from}',
    processing: '{node} empezó a procesar {msg}',
    processed: '{node} terminó {msg} tras {latency}',
    processedDup: '{node} terminó {msg} otra vez (un duplicado) tras {latency}',
    requeued: '{node} devolvió {msg} a la fila ({reason})',
    deadLettered: '{node} apartó {msg} como mensaje muerto ({reason})',
    dropped: '{node} perdió {msg} ({reason})',
    signal: '{from} envió {signal} a {to}',
    signalFor: '{from} envió {signal} de {msg} a {to}',
    signalStatus: '{from} respondió a {to} con {status}',
    online: '{node} volvió a estar en línea',
    offline: '{node} se desconectó',
    configured: '{node} cambió su configuración: {patch}',
  },
};
