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
};

/** The sentences of the saga trace events, in both languages (placeholders in braces). */
export const PHRASES: Phrases<keyof typeof en> = {
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
  },
};

/** What the orchestrator's card says, in both languages. */
export const CARD = {
  en: {
    steps: '{n} steps', stepsA11y: 'Saga steps', now: '{n} now', undoing: '{n} undoing', noUndo: 'nothing to undo',
    running: '{msg}: step {step} of {of}', compensating: '{msg}: compensating, {undone} of {toUndo} undone', partial: 'partially compensated',
    idle: 'No saga in flight', started: 'Started', completed: 'Completed', compensated: 'Compensated', inFlight: 'In flight',
  },
  es: {
    steps: '{n} pasos', stepsA11y: 'Pasos de la saga', now: '{n} ahora', undoing: '{n} deshaciendo', noUndo: 'nada que deshacer',
    running: '{msg}: paso {step} de {of}', compensating: '{msg}: compensando, {undone} de {toUndo} deshechos', partial: 'compensada en parte',
    idle: 'Ninguna saga en curso', started: 'Iniciadas', completed: 'Completadas', compensated: 'Compensadas', inFlight: 'En curso',
  },
} as const;
