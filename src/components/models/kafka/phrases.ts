import type { Phrases } from '../kindUi';

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
  pollFailed: "{member} cannot deserialize the record at offset {offset} of {node}'s partition {partition}: every poll fails on it, and the partition is stuck (group {group})",
};

/** The sentences this family's trace events read as, in both languages (placeholders in braces). */
export const PHRASES: Phrases<keyof typeof en> = {
  en,
  es: {
    rebalanceStarted: "El grupo {group} de {node} empezó un rebalanceo ({reason})",
    rebalanceFinished: "El grupo {group} de {node} terminó su rebalanceo tras {pause}",
    assigned: "{member} recibió las particiones {partitions} de {node} (grupo {group})",
    revoked: "{member} cedió las particiones {partitions} de {node} (grupo {group})",
    joined: "{member} entró en el grupo {group} de {node}",
    removed: "{member} salió del grupo {group} de {node} ({reason})",
    resumed: "{member} retomó las particiones {partitions} de {node} (grupo {group})",
    committed: "El grupo {group} confirmó los offsets {offsets} en {node}",
    offsetsReset: "Los offsets del grupo {group} en {node} volvieron a {offsets} ({reason})",
    retention: "{node} borró {count} registros caducados de la partición {partition}",
    pollFailed: "{member} no puede deserializar el registro del offset {offset} de la partición {partition} de {node}: cada poll falla en él y la partición queda atascada (grupo {group})",
  },
};
