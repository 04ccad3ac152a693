/** The languages microsim speaks. */
export type Lang = 'en' | 'es';

/** A problem in a scenario or share link, located by its path in the file. */
export interface ScenarioIssue {
  /** Where, e.g. `nodes[2] ("email").serviceTime.meanMs`; empty for the whole file. */
  path: string;
  message: string;
}

/**
 * Every error a user can cause with a file or a link, phrased once, in both languages.
 * Zod's own messages come from its locale; these cover the checks zod cannot express.
 */
const MESSAGES = {
  notJson: { en: 'This is not valid JSON: {detail}', es: 'No es un JSON válido: {detail}' },
  duplicateId: { en: 'The id "{id}" is used by another node too', es: 'El id "{id}" lo usa también otro nodo' },
  unknownNode: { en: 'There is no node with id "{id}"', es: 'No hay ningún nodo con id "{id}"' },
  referenceNotLinked: {
    en: '"{to}" must also be linked from "{from}" (add a link {"from": "{from}", "to": "{to}"})',
    es: '"{to}" también debe estar enlazado desde "{from}" (añade un enlace {"from": "{from}", "to": "{to}"})',
  },
  selfLink: { en: 'A link cannot go from a node to itself', es: 'Un enlace no puede ir de un nodo a sí mismo' },
  duplicateLink: { en: 'There is already a link from "{from}" to "{to}"', es: 'Ya hay un enlace de "{from}" a "{to}"' },
  unknownKind: { en: 'Unknown node kind "{kind}"; known kinds: {kinds}', es: 'Tipo de nodo desconocido "{kind}"; tipos conocidos: {kinds}' },
  unknownBuiltin: { en: 'No built-in scenario is called "{id}"; there are: {ids}', es: 'No hay ningún escenario incorporado llamado "{id}"; hay: {ids}' },
  badShareLink: { en: 'This share link is damaged: {detail}', es: 'Este enlace compartido está dañado: {detail}' },
} as const;

/** The key of a message in the table. */
export type MessageKey = keyof typeof MESSAGES;

/** Phrases the message `key` in `lang`, filling `{name}` placeholders from `params`. */
export function phrase(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Renders issues one per line, path first, for a terminal or an error banner. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}
