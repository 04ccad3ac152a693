import type { Bilingual } from '../kindUi';
import { SERVICE_FIELDS } from '../core/fields';

/** A saga orchestrator's settings: its steps, the attempt timeout and Temporal's retry policy. */
export const ORCHESTRATOR_FIELDS: Readonly<Record<string, Bilingual>> = {
  steps: { en: 'Steps', es: 'Pasos' },
  participant: { en: 'Participant', es: 'Participante' },
  command: { en: 'Command', es: 'Comando' },
  compensation: { en: 'Compensation', es: 'Compensación' },
  timeoutMs: { en: 'Attempt timeout (ms)', es: 'Tiempo límite por intento (ms)' },
  retry: { en: 'Retry policy', es: 'Política de reintentos' },
  initialIntervalMs: { en: 'First wait (ms)', es: 'Primera espera (ms)' },
  backoffCoefficient: { en: 'Backoff coefficient', es: 'Coeficiente de espera' },
  maximumIntervalMs: { en: 'Longest wait (ms)', es: 'Espera máxima (ms)' },
  maximumAttempts: { en: 'Attempts (0 = unlimited)', es: 'Intentos (0 = sin límite)' },
};

/** A saga orchestrator's live figures. */
export const ORCHESTRATOR_FIGURES: Readonly<Record<string, Bilingual>> = {
  started: { en: 'Started', es: 'Iniciadas' },
  completed: { en: 'Completed', es: 'Completadas' },
  compensated: { en: 'Compensated', es: 'Compensadas' },
  failedSagas: { en: 'Compensation failed', es: 'Compensación fallida' },
  inFlight: { en: 'In flight', es: 'En curso' },
  compensating: { en: 'Compensating now', es: 'Compensando ahora' },
  atStep: { en: 'Running, by step', es: 'En curso, por paso' },
  undoingStep: { en: 'Undoing, by step', es: 'Deshaciendo, por paso' },
};

/** A saga participant's settings: a service's, and its business refusals. */
export const PARTICIPANT_FIELDS: Readonly<Record<string, Bilingual>> = {
  ...SERVICE_FIELDS,
  rejectProbability: { en: 'Commands refused (share)', es: 'Comandos rechazados (proporción)' },
  rejectCode: { en: 'Refusal reply', es: 'Respuesta de rechazo' },
};

/** A saga participant's live figures. */
export const PARTICIPANT_FIGURES: Readonly<Record<string, Bilingual>> = {
  commands: { en: 'Commands run', es: 'Comandos ejecutados' },
  refused: { en: 'Refused (business)', es: 'Rechazados (negocio)' },
  compensations: { en: 'Compensations run', es: 'Compensaciones ejecutadas' },
};

/** A choreography participant's settings: a service's, and its reactions (event in, event out, or the refusal instead). */
export const CHOREOGRAPHY_FIELDS: Readonly<Record<string, Bilingual>> = {
  ...SERVICE_FIELDS,
  reactions: { en: 'Reactions', es: 'Reacciones' },
  on: { en: 'On event', es: 'Ante el evento' },
  emit: { en: 'Publishes', es: 'Publica' },
  rejectWith: { en: 'Or, refusing, publishes', es: 'O, si rechaza, publica' },
  rejectProbability: { en: 'Events refused (share)', es: 'Eventos rechazados (proporción)' },
};

/** A choreography participant's live figures. */
export const CHOREOGRAPHY_FIGURES: Readonly<Record<string, Bilingual>> = {
  handled: { en: 'Events handled', es: 'Eventos atendidos' },
  published: { en: 'Events published', es: 'Eventos publicados' },
  refused: { en: 'Refused (business)', es: 'Rechazados (negocio)' },
  ignored: { en: 'No reaction', es: 'Sin reacción' },
};
