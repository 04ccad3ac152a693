import { termEn, termEs } from '../../../i18n/glossary';
import type { Phrases } from '../kindUi';

const [rec, recEs, fetchEn, fetchEs, commitEs] = [termEn('record'), termEs('record'), termEn('fetch'), termEs('fetch'), termEs('commit')];

const en = {
  rebalanceStarted: "Group {group} on {node} started rebalancing ({reason})",
  rebalanceFinished: "Group {group} on {node} finished rebalancing after {pause}",
  assigned: "{member} got partitions {partitions} of {node} (group {group})",
  revoked: "{member} gave up partitions {partitions} of {node} (group {group})",
  joined: "{member} joined group {group} on {node}",
  removed: "{member} left group {group} on {node} ({reason})",
  resumed: "{member} resumed partitions {partitions} of {node} (group {group})",
  committed: "Group {group} committed offsets {offsets} on {node}",
  offsetsReset: "Group {group}'s offsets on {node} were reset to {offsets} ({reason})",
  retention: "{node} deleted {count} expired records from partition {partition}",
  // The engine's own message events where they happen at a Kafka topic, in Kafka's words
  // (records in a log, offsets, fetches, commits; never acks, copies or a backlog).
  produced: `{from} produced ${rec} {msg} to {to}`,
  appended: `{node} appended ${rec} {msg} to partition {partition} at offset {offset}`,
  appendedPlain: `{node} appended ${rec} {msg} to its log`,
  groupReads: `{node} keeps {msg} for one more consumer group: the same ${rec} as #{orig}, read by each group at its own offsets`,
  fetched: `{to} got ${rec} {msg} from {from} in a ${fetchEn}`,
  fetchedAt: `{to} got ${rec} {msg} (partition {partition}, offset {offset}) from {from} in a ${fetchEn}`,
  received: `{node} received ${rec} {msg} from {from}`,
  done: `{from} is done with ${rec} #{id}: its position on {to} moves past it, and the next offset commit saves it`,
  doneArrived: `{to} moves {from}'s position past ${rec} #{id} (the next offset commit saves it)`,
  reread: `{node} will hand ${rec} {msg} out again: its group resumes from the last committed offset ({reason})`,
  deadLettered: `{node} set ${rec} {msg} aside for the dead-letter topic ({reason})`,
  toDeadLetter: `{from} wrote ${rec} {msg} to the dead-letter topic {to}`,
  dropped: `{node} lost ${rec} {msg} ({reason})`,
  pollFailed: "{member} cannot deserialize the record at offset {offset} of {node}'s partition {partition}: every poll fails on it, and the partition is stuck (group {group})",
};

/** The sentences this family's trace events read as, in both languages (placeholders in braces). */
/** The keys of this family's sentences. */
export type PhraseKey = keyof typeof en;

export const PHRASES: Phrases<PhraseKey> = {
  en,
  es: {
    rebalanceStarted: "El grupo {group} de {node} empezó un rebalanceo ({reason})",
    rebalanceFinished: "El grupo {group} de {node} terminó su rebalanceo tras {pause}",
    assigned: "{member} recibió las particiones {partitions} de {node} (grupo {group})",
    revoked: "{member} cedió las particiones {partitions} de {node} (grupo {group})",
    joined: "{member} entró en el grupo {group} de {node}",
    removed: "{member} salió del grupo {group} de {node} ({reason})",
    resumed: "{member} retomó las particiones {partitions} de {node} (grupo {group})",
    committed: `El grupo {group} hizo ${commitEs} de los offsets {offsets} en {node}`,
    offsetsReset: "Los offsets del grupo {group} en {node} volvieron a {offsets} ({reason})",
    retention: "{node} borró {count} registros caducados de la partición {partition}",
    produced: `{from} produjo el ${recEs} {msg} en {to}`,
    appended: `{node} añadió el ${recEs} {msg} a la partición {partition} en el offset {offset}`,
    appendedPlain: `{node} añadió el ${recEs} {msg} a su log`,
    groupReads: `{node} guarda {msg} para un grupo de consumidores más: el mismo ${recEs} que #{orig}, que cada grupo lee con sus propios offsets`,
    fetched: `{to} obtuvo el ${recEs} {msg} de {from} en un ${fetchEs}`,
    fetchedAt: `{to} obtuvo el ${recEs} {msg} (partición {partition}, offset {offset}) de {from} en un ${fetchEs}`,
    received: `{node} recibió el ${recEs} {msg} de {from}`,
    done: `{from} terminó con el ${recEs} #{id}: su posición en {to} pasa de largo, y el próximo ${commitEs} de offsets la guarda`,
    doneArrived: `{to} adelanta la posición de {from} más allá del ${recEs} #{id} (el próximo ${commitEs} de offsets la guarda)`,
    reread: `{node} volverá a entregar el ${recEs} {msg}: su grupo sigue desde el último offset guardado con ${commitEs} ({reason})`,
    deadLettered: `{node} apartó el ${recEs} {msg} para el tema de mensajes muertos ({reason})`,
    toDeadLetter: `{from} escribió el ${recEs} {msg} en el tema de mensajes muertos {to}`,
    dropped: `{node} perdió el ${recEs} {msg} ({reason})`,
    pollFailed: "{member} no puede deserializar el registro del offset {offset} de la partición {partition} de {node}: cada poll falla en él y la partición queda atascada (grupo {group})",
  },
};
