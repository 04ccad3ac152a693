import type { Phrases } from '../kindUi';

const en = {
  deadline: "{consumer} missed the ack deadline of #{id} at {node} (attempt {attempts})",
  lateAck: "{consumer} acked #{id} at {node} after its deadline",
  lateAckDup: "{consumer} acked #{id} at {node} after its deadline: a duplicate",
  subscribed: "{node} subscribed",
  unsubscribed: "{node} unsubscribed ({discarded} discarded)",
  extended: "{consumer}'s client library extended the ack deadline of #{id} at {node} to {until}: still processing it",
};

/** The sentences this family's trace events read as, in both languages (placeholders in braces). */
/** The keys of this family's sentences. */
export type PhraseKey = keyof typeof en;

export const PHRASES: Phrases<PhraseKey> = {
  en,
  es: {
    deadline: "{consumer} no confirmó #{id} a tiempo en {node} (intento {attempts})",
    lateAck: "{consumer} confirmó #{id} en {node} fuera de plazo",
    lateAckDup: "{consumer} confirmó #{id} en {node} fuera de plazo: un duplicado",
    subscribed: "{node} se suscribió",
    unsubscribed: "{node} se dio de baja ({discarded} descartados)",
    extended: "La biblioteca cliente de {consumer} amplió el plazo de confirmación de #{id} en {node} hasta {until}: aún lo procesa",
  },
};
