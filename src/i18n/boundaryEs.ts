import type { boundaryEn } from './boundaryEn';

/** What a region of the page says when it fails, in Spanish: exactly the keys of boundaryEn. */
export const boundaryEs: { readonly [K in keyof typeof boundaryEn]: string } = {
  boundaryCanvas: 'El diagrama',
  boundaryPanel: 'Este panel',
  boundaryInspector: 'El inspector',
  boundaryFailed: '{region} dejó de funcionar. El resto de microsim sigue funcionando.',
  boundaryDetail: 'Error: {detail}',
  boundaryReload: 'Recargar este escenario',
};
