/** What a region of the page says when it fails, in English (merged into en.ts). */
export const boundaryEn = {
  boundaryCanvas: 'The diagram',
  boundaryPanel: 'This panel',
  boundaryInspector: 'The inspector',
  boundaryFailed: '{region} stopped working. The rest of microsim still works.',
  boundaryDetail: 'Error: {detail}',
  boundaryReload: 'Reload this scenario',
} as const;
