import type { Phrases } from '../kindUi';

const en = {
  started: '{node} started a saga for {msg} ({steps} steps)',
  step: '{node} sent {command} to {participant}: step {step} of {of} of the saga for {msg}',
  refused: '{participant} refused step {step} of the saga for {msg}: {code}. Not retried: {node} compensates the completed steps, last first',
  failed: 'Step {step} of the saga for {msg} failed for good at {participant} ({reason}): {node} compensates the completed steps, last first',
  compensate: '{node} sent {command} to {participant} to undo step {step} for {msg} ({undone} of {toUndo} undone so far)',
  completed: 'The saga for {msg} completed: every step done',
  compensated: 'The saga for {msg} was compensated: {undone} completed steps undone, in reverse order',
  sagaFailed: 'The saga for {msg} failed: a compensation failed for good after {undone} undone; the rest stays done',
  reacted: '{node} handled {msg} and published {emitted} #{id}: the next step of the saga is whoever reacts to it',
  reactedRefused: '{node} refused {msg} and published {emitted} #{id}: whoever reacts to it undoes what was done',
  reactedEnd: '{node} handled {msg}: its part of the saga ends here, nothing to publish',
  reactedNowhere: '{node} handled {msg}, but has no link to a broker to publish {emitted} on',
};

/** The sentences of the saga trace events, in both languages (placeholders in braces). */
/** The keys of this family's sentences. */
export type PhraseKey = keyof typeof en;

export const PHRASES: Phrases<PhraseKey> = {
  en,
  es: {
    started: '{node} inició una saga para {msg} ({steps} pasos)',
    step: '{node} envió {command} a {participant}: paso {step} de {of} de la saga de {msg}',
    refused: '{participant} rechazó el paso {step} de la saga de {msg}: {code}. Sin reintento: {node} compensa los pasos completados, del último al primero',
    failed: 'El paso {step} de la saga de {msg} falló definitivamente en {participant} ({reason}): {node} compensa los pasos completados, del último al primero',
    compensate: '{node} envió {command} a {participant} para deshacer el paso {step} de {msg} ({undone} de {toUndo} deshechos hasta ahora)',
    completed: 'La saga de {msg} se completó: todos los pasos hechos',
    compensated: 'La saga de {msg} quedó compensada: {undone} pasos completados deshechos, en orden inverso',
    sagaFailed: 'La saga de {msg} falló: una compensación falló definitivamente tras {undone} deshechos; el resto sigue hecho',
    reacted: '{node} atendió {msg} y publicó {emitted} #{id}: el siguiente paso de la saga es quien reaccione a él',
    reactedRefused: '{node} rechazó {msg} y publicó {emitted} #{id}: quien reaccione a él deshace lo hecho',
    reactedEnd: '{node} atendió {msg}: su parte de la saga termina aquí, no publica nada',
    reactedNowhere: '{node} atendió {msg}, pero no tiene enlace a ningún broker en el que publicar {emitted}',
  },
};
