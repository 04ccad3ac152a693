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
