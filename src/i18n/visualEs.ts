import { termEs } from './glossary';
import type { visualEn } from './visualEn';

/** The canvas's drawn mechanics in Spanish: exactly the keys of visualEn. */
export const visualEs: { readonly [K in keyof typeof visualEn]: string } = {
  legendSlower: 'Los saltos se dibujan más despacio de lo que ocurren (al menos {ms} ms cada uno); un número junto a una forma cuenta los mensajes que representa.',
  legendCommit: `${termEs('commit')} de offset`,
  legendFollowing: 'Siguiendo el mensaje n.º {id}',
  legendFollowingNamed: 'Siguiendo {type} n.º {id}',
  followRoutingKey: `${termEs('routingKey')} {key}`,
  followKey: 'clave {key}',
  followStop: 'Dejar de seguir',
  followHint: 'Haz clic en un mensaje en movimiento para seguirlo.',
  followThis: 'Seguir en el lienzo',
  publishOne: 'Publicar uno',
  publishOneNamed: 'Publicar uno desde {name}',
  bindingKeyA11y: 'clave de enlace {key}',
  routingKeyOf: 'clave de enrutamiento {key}',
  partitionOwner: 'P{n}: {owner}',
  partitionUnowned: 'P{n}: nadie',
  ownerLegend: 'Dueños de las particiones',
  committedVsPosition: 'confirmado {committed} · posición {position}',
  edgeBreaker: `${termEs('circuitBreaker')}: {state}`,
  groupBox: 'grupo de consumidores {group}',
  variantBox: 'Variante: {name}',
  fanOutCopy: 'su propia copia',
  followFromQueue: 'Seguir el próximo mensaje que espera en {name}',
};
