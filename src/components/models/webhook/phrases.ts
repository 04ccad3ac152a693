import type { Phrases } from '../kindUi';

const en = {
  hookAttempt: "{node} posted {msg} to {endpoint} (attempt {attempt})",
  hookRetry: "{node} will retry {msg} to {endpoint} at {at} (attempt {attempt})",
  hookDelivered: "{endpoint} accepted {msg} from {node} (attempt {attempt})",
  hookFailed: "{node}'s attempt {attempt} to deliver {msg} to {endpoint} failed: {reason}",
  hookGaveUp: '{node} gave up delivering {msg} ({reason}); {endpoint} processed it or still has it, so it is failed at the sender, not lost',
  hookRejected: "{node} rejected a request from {from} for {msg} ({status}: {reason})",
  hookDisabled: "{node} disabled the endpoint of {endpoint}: {reason}",
  hookRedelivered: "{node} sent the dead-lettered {msg} to {endpoint} again, by hand, with the same delivery id {id}",
  hookRegistered: "{endpoint} registered with {node}",
  hookUnregistered: "{endpoint} unregistered from {node}",
};

/** The sentences this family's trace events read as, in both languages (placeholders in braces). */
/** The keys of this family's sentences. */
export type PhraseKey = keyof typeof en;

export const PHRASES: Phrases<PhraseKey> = {
  en,
  es: {
    hookAttempt: "{node} envió {msg} a {endpoint} (intento {attempt})",
    hookRetry: "{node} reintentará {msg} hacia {endpoint} a los {at} (intento {attempt})",
    hookDelivered: "{endpoint} aceptó {msg} de {node} (intento {attempt})",
    hookFailed: "El intento {attempt} de {node} de entregar {msg} a {endpoint} falló: {reason}",
    hookGaveUp: '{node} dejó de intentar entregar {msg} ({reason}); {endpoint} lo procesó o aún lo tiene: fallido en el emisor, no perdido',
    hookRejected: "{node} rechazó una petición de {from} para {msg} ({status}: {reason})",
    hookDisabled: "{node} desactivó el endpoint de {endpoint}: {reason}",
    hookRedelivered: "{node} volvió a enviar a mano el mensaje muerto {msg} a {endpoint}, con el mismo id de entrega {id}",
    hookRegistered: "{endpoint} se registró en {node}",
    hookUnregistered: "{endpoint} se dio de baja de {node}",
  },
};
