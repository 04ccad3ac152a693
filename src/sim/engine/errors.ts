/** The languages microsim speaks. */
export type Lang = 'en' | 'es';

/** A problem in a scenario or share link, located by its path in the file. */
export interface ScenarioIssue {
  /** Where, e.g. `nodes[2] ("email").serviceTime.meanMs`; empty for the whole file. */
  path: string;
  message: string;
}

/**
 * Every error a user can cause with a file, a link or the runner's arguments, and every stop of
 * a run at a limit, phrased once, in both languages: the app and `npm run sim` read this one
 * table. Zod's own messages come from its locale; these cover the checks zod cannot express.
 */
export const MESSAGES = {
  notJson: { en: 'This is not valid JSON: {detail}', es: 'No es un JSON válido: {detail}' },
  duplicateId: { en: 'The id "{id}" is used by another node too', es: 'El id "{id}" lo usa también otro nodo' },
  unknownNode: { en: 'There is no node with id "{id}"', es: 'No hay ningún nodo con id "{id}"' },
  referenceNotLinked: {
    en: '"{to}" must also be linked from "{from}" (add a link {"from": "{from}", "to": "{to}"})',
    es: '"{to}" también debe estar enlazado desde "{from}" (añade un enlace {"from": "{from}", "to": "{to}"})',
  },
  linkFieldNotHere: {
    en: '"{field}" does not apply to the link "{from}" → "{to}": neither end\'s kind takes it',
    es: '"{field}" no se aplica al enlace "{from}" → "{to}": ningún extremo es de un tipo que lo admita',
  },
  selfLink: { en: 'A link cannot go from a node to itself', es: 'Un enlace no puede ir de un nodo a sí mismo' },
  duplicateLink: { en: 'There is already a link from "{from}" to "{to}"', es: 'Ya hay un enlace de "{from}" a "{to}"' },
  unknownKind: { en: 'Unknown node kind "{kind}"; known kinds: {kinds}', es: 'Tipo de nodo desconocido "{kind}"; tipos conocidos: {kinds}' },
  unknownBuiltin: { en: 'No built-in scenario is called "{id}"; there are: {ids}', es: 'No hay ningún escenario incorporado llamado "{id}"; hay: {ids}' },
  badShareLink: { en: 'This share link is damaged: {detail}', es: 'Este enlace compartido está dañado: {detail}' },
  // Limits (see limits.ts): what a scenario may ask for, and where a run is stopped.
  tooMany: { en: 'Too many entries: {count}; at most {max}', es: 'Demasiadas entradas: {count}; como mucho {max}' },
  tooDeep: { en: 'This value nests more than {max} levels deep', es: 'Este valor se anida más de {max} niveles' },
  tooLarge: { en: 'Too large: more than {max} characters', es: 'Demasiado grande: más de {max} caracteres' },
  badPatch: { en: 'This setting cannot be applied to "{id}": {detail}', es: 'Este ajuste no se puede aplicar a "{id}": {detail}' },
  badCommand: { en: '"{id}" ({kind}) has no command "{command}"; it has: {commands}', es: '"{id}" ({kind}) no tiene la orden "{command}"; tiene: {commands}' },
  badCommandArgs: { en: 'Wrong arguments for "{command}" on "{id}": {detail}', es: 'Argumentos incorrectos para "{command}" en "{id}": {detail}' },
  notLinked: { en: 'There is no link from "{from}" to "{to}" to cut or heal', es: 'No hay ningún enlace de "{from}" a "{to}" que cortar o reparar' },
  badSecret: {
    en: 'A Svix secret is "whsec_" followed by base64; this one is not base64 ({detail})',
    es: 'Un secreto de Svix es "whsec_" seguido de base64; este no es base64 ({detail})',
  },
  deliveryLimitClassic: {
    en: 'deliveryLimit (x-delivery-limit) applies to quorum queues only: set "queueType": "quorum" or remove it',
    es: 'deliveryLimit (x-delivery-limit) solo se aplica a colas quorum: pon "queueType": "quorum" o quítalo',
  },
  rejectPublishDlxQuorum: {
    en: 'overflow "reject-publish-dlx" applies to classic queues only: a quorum queue supports "drop-head" and "reject-publish"',
    es: 'overflow "reject-publish-dlx" solo se aplica a colas clásicas: una cola quorum admite "drop-head" y "reject-publish"',
  },
  reactionTwice: {
    en: 'Another reaction of this node already handles "{on}": one reaction per event',
    es: 'Otra reacción de este nodo ya atiende "{on}": una reacción por evento',
  },
  refusalWithoutEvent: {
    en: 'rejectProbability is above 0 but there is no rejectWith: name the event published when it refuses',
    es: 'rejectProbability es mayor que 0 pero no hay rejectWith: indica el evento que publica cuando rechaza',
  },
  cycle: {
    en: 'These nodes pass messages round in a circle with nothing to stop them: {cycle}',
    es: 'Estos nodos se pasan los mensajes en círculo sin nada que los detenga: {cycle}',
  },
  callCycle: {
    en: 'These services call each other in a circle, so every request would call itself forever: {cycle}',
    es: 'Estos servicios se llaman en círculo, así que cada petición se llamaría a sí misma sin fin: {cycle}',
  },
  limitEventsPerInstant: {
    en: 'Stopped: more than {max} events at one instant (t = {t} ms). A loop or a storm never lets time move on.',
    es: 'Detenido: más de {max} eventos en un mismo instante (t = {t} ms). Un bucle o una tormenta no deja avanzar el tiempo.',
  },
  limitLiveMessages: {
    en: 'Stopped: more than {max} messages alive at once (t = {t} ms). The system makes messages faster than it ends them.',
    es: 'Detenido: más de {max} mensajes vivos a la vez (t = {t} ms). El sistema crea mensajes más deprisa de lo que los termina.',
  },
  limitCopies: {
    en: 'Stopped: message {root} was copied more than {max} times (t = {t} ms). Copies multiply in a loop.',
    es: 'Detenido: el mensaje {root} se copió más de {max} veces (t = {t} ms). Las copias se multiplican en un bucle.',
  },
  limitSyncHops: {
    en: 'Stopped: a message was handed on more than {max} times without time passing (t = {t} ms). Links in a loop need some latency.',
    es: 'Detenido: un mensaje pasó de mano más de {max} veces sin que pasara el tiempo (t = {t} ms). Los enlaces en bucle necesitan algo de latencia.',
  },
  limitEvents: {
    en: 'Stopped after {max} events (--max-events) at t = {t} ms.',
    es: 'Detenido tras {max} eventos (--max-events) en t = {t} ms.',
  },
  limitWall: {
    en: 'Stopped after {max} ms of wall time (--max-wall) at t = {t} ms.',
    es: 'Detenido tras {max} ms de tiempo real (--max-wall) en t = {t} ms.',
  },
  // The headless runner's own arguments and failures (npm run sim).
  usage: {
    en: 'usage: npm run sim -- <scenario.json | comparison.json | built-in id> [--until 60s] [--seed 42] [--json] [--max-events 50000000] [--max-wall 60s] [--lang en|es]',
    es: 'uso: npm run sim -- <escenario.json | comparación.json | id incorporado> [--until 60s] [--seed 42] [--json] [--max-events 50000000] [--max-wall 60s] [--lang en|es]',
  },
  noScenario: { en: 'no scenario given', es: 'no se ha indicado ningún escenario' },
  oneScenario: { en: 'give one scenario only', es: 'indica un solo escenario' },
  badDuration: {
    en: '{option}: "{text}" is not a duration (try 60s, 5m, 1h or 250ms)',
    es: '{option}: "{text}" no es una duración (prueba 60s, 5m, 1h o 250ms)',
  },
  badSeed: { en: '--seed: "{text}" is not an integer', es: '--seed: "{text}" no es un número entero' },
  badMaxEvents: { en: '--max-events: "{text}" is not a positive integer', es: '--max-events: "{text}" no es un entero positivo' },
  badLang: { en: '--lang: "{text}" is not a language microsim speaks (en, es)', es: '--lang: "{text}" no es un idioma de microsim (en, es)' },
  unknownOption: { en: 'unknown option {option}', es: 'opción desconocida {option}' },
  optionValue: { en: 'the option {option} needs a value', es: 'la opción {option} necesita un valor' },
  badArguments: { en: 'bad arguments: {detail}', es: 'argumentos incorrectos: {detail}' },
  cannotRead: { en: 'cannot read {file}: {detail}', es: 'no se puede leer {file}: {detail}' },
  notScenario: { en: '{file} is not a valid scenario:', es: '{file} no es un escenario válido:' },
  internal: {
    en: 'microsim stopped on an internal error (please report it): {detail}',
    es: 'microsim se detuvo por un error interno (avísanos, por favor): {detail}',
  },
  notComparison: { en: '{file} is not a valid comparison:', es: '{file} no es una comparación válida:' },
} as const;

/** The key of a message in the table. */
export type MessageKey = keyof typeof MESSAGES;

/** Phrases the message `key` in `lang`, filling `{name}` placeholders from `params`. */
export function phrase(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Problems in both languages, each located: what the app's notice shows. */
export type BilingualIssues = Readonly<Record<Lang, readonly ScenarioIssue[]>>;

/** One located problem, phrased in both languages. */
export function bothLanguages(path: string, message: (lang: Lang) => string): BilingualIssues {
  return { en: [{ path, message: message('en') }], es: [{ path, message: message('es') }] };
}

/** Renders issues one per line, path first, for a terminal or an error banner. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}
