import type { Phrases } from '../kindUi';

const en = {
  unroutable: "{node} could not route #{id} (routing key “{key}”)",
  returned: "{node} could not route #{id} (routing key “{key}”) and returned it to {publisher} (mandatory, basic.return)",
  queueDead: "{node} dead-lettered #{id} to {exchange} ({reason})",
  channelClosed: "{consumer}'s channel to {node} closed; {requeued} requeued",
  channelOpen: "{consumer}'s channel to {node} is open again",
  channelBlocked: "{consumer}'s channel to {node} is cut by the network: deliveries and acks wait (TCP)",
  channelDown: "{consumer}'s channel to {node} was closed by the heartbeat timeout",
};

/** The sentences this family's trace events read as, in both languages (placeholders in braces). */
/** The keys of this family's sentences. */
export type PhraseKey = keyof typeof en;

export const PHRASES: Phrases<PhraseKey> = {
  en,
  es: {
    unroutable: "{node} no pudo enrutar #{id} (clave “{key}”)",
    returned: "{node} no pudo enrutar #{id} (clave “{key}”) y se lo devolvió a {publisher} (mandatory, basic.return)",
    queueDead: "{node} envió #{id} como mensaje muerto a {exchange} ({reason})",
    channelClosed: "El canal de {consumer} con {node} se cerró; {requeued} reencolados",
    channelOpen: "El canal de {consumer} con {node} vuelve a estar abierto",
    channelBlocked: "La red corta el canal de {consumer} con {node}: entregas y confirmaciones esperan (TCP)",
    channelDown: "El límite de heartbeat cerró el canal de {consumer} con {node}",
  },
};
