import type { compareEn } from './compareEn';

/** The compare view's strings in Spanish: exactly the keys of compareEn. */
export const compareEs: { readonly [K in keyof typeof compareEn]: string } = {
  compareOpen: 'Comparar',
  compareOpenHint: 'Pasa la misma carga por todos los patrones, uno junto a otro',
  compareBack: 'Volver al simulador',
  compareTitle: 'Comparar',
  comparePick: 'Comparación',
  compareColumns: 'Patrones uno junto a otro',
  compareScoreboard: 'Marcador',
  compareBest: 'mejor',
  compareBestNote: '★ mejor de su fila',
  compareConsumer: 'Consumidor',
  compareOnline: '{name} en línea, en todas las columnas',
  compareSlow: 'Modo lento de {name}, en todas las columnas',
  compareExport: 'Exportar CSV',
  compareShare: 'Copiar enlace',
  compareCopied: 'Enlace copiado',
  compareEnded: 'Fin de la duración de la comparación. Reproducir sigue más allá.',
  compareLate: 'Tarde significa más de {ms} desde la publicación.',
  compareHopsSlow: 'Los saltos se dibujan más lentos de lo que ocurren, para que se vean.',
  compareSent: 'enviados {n}',
  compareWaiting: 'esperando {n}',
  compareDone: 'hechos {n}',
  compareDown: 'desconectado',
  compareEdge: '{from} a {to}',
};
