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

/** What a choreography participant's card says, in both languages. */
export const CHOREOGRAPHY_CARD = {
  en: {
    reactions: 'Reactions', tag: '{n} reactions', handled: '{n} handled', refused: '{n} refused', end: 'ends here',
    row: 'On {on}: publishes {emit}', rowRefusal: ', or {rejectWith} when it refuses', rowEnd: 'On {on}: ends its part',
    published: 'Published', refusedFig: 'Refused',
  },
  es: {
    reactions: 'Reacciones', tag: '{n} reacciones', handled: '{n} atendidos', refused: '{n} rechazados', end: 'termina aquí',
    row: 'Ante {on}: publica {emit}', rowRefusal: ', o {rejectWith} si rechaza', rowEnd: 'Ante {on}: termina su parte',
    published: 'Publicados', refusedFig: 'Rechazados',
  },
} as const;
