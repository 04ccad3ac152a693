import type { Phrases } from '../kindUi';

const en = {
  httpRequest: "{node} called {to} with {msg} (attempt {attempt})",
  httpResponse: "{node} got {status} from {from} for {msg} after {latency}",
  httpLate: "{node} got a late {status} from {from} for {msg}: it had given up",
  httpTimeout: "{node}'s call to {to} with {msg} timed out after {after} (attempt {attempt})",
  httpRetry: "{node} will retry {msg} to {to} in {delay} (attempt {attempt})",
  httpOk: "{node}'s call to {to} with {msg} succeeded ({attempts} attempts, {latency})",
  httpFailed: "{node}'s call to {to} with {msg} failed: {reason} ({attempts} attempts)",
  breaker: "{node}'s circuit breaker for {dep} went from {from} to {to} (failure rate {rate}%)",
  bulkhead: "{node}'s bulkhead for {dep} refused {msg} ({inUse} of {limit} in use)",
  replayed: "{node} had already run {msg}: it replayed its stored {status} to {to} from the idempotency key, without running it again",
  keyInUse: "{node} refused {msg} from {to} with 409: a request with the same idempotency key is still running",
};

/** The sentences this family's trace events read as, in both languages (placeholders in braces). */
/** The keys of this family's sentences. */
export type PhraseKey = keyof typeof en;

export const PHRASES: Phrases<PhraseKey> = {
  en,
  es: {
    httpRequest: "{node} llamó a {to} con {msg} (intento {attempt})",
    httpResponse: "{node} recibió {status} de {from} para {msg} tras {latency}",
    httpLate: "{node} recibió tarde un {status} de {from} para {msg}: ya se había rendido",
    httpTimeout: "La llamada de {node} a {to} con {msg} agotó el tiempo tras {after} (intento {attempt})",
    httpRetry: "{node} reintentará {msg} hacia {to} en {delay} (intento {attempt})",
    httpOk: "La llamada de {node} a {to} con {msg} tuvo éxito ({attempts} intentos, {latency})",
    httpFailed: "La llamada de {node} a {to} con {msg} falló: {reason} ({attempts} intentos)",
    breaker: "El disyuntor de {node} hacia {dep} pasó de {from} a {to} (tasa de fallos {rate} %)",
    bulkhead: "El mamparo de {node} hacia {dep} rechazó {msg} ({inUse} de {limit} en uso)",
    replayed: "{node} ya había ejecutado {msg}: devolvió a {to} el {status} guardado para su clave de idempotencia, sin ejecutarla otra vez",
    keyInUse: "{node} rechazó {msg} de {to} con 409: una petición con la misma clave de idempotencia sigue en ejecución",
  },
};
