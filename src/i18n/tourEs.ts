import type { tourEn } from './tourEn';

/** The strings of the guided tour, in Spanish; merged into the interface dictionary (es.ts). */
export const tourEs: { readonly [K in keyof typeof tourEn]: string } = {
  tour: 'Visita guiada',
  tourStart: 'Hacer la visita guiada',
  tourSteps: '{count} pasos',
  tourResume: 'Retomar la visita en el paso {step}',
  tourStepOf: 'Paso {step} de {count}',
  tourNext: 'Siguiente',
  tourBack: 'Atrás',
  tourLeave: 'Salir de la visita',
  tourFinish: 'Terminar la visita',
  tourRunning: 'Avanzando hasta {time}…',
  tourSkip: 'Saltar hasta ahí',
  tourPausedAt: 'En pausa en {time}',
  tourYourTurn: 'Te toca: {what}',
  tourDoIt: 'Hazlo por mí',
  tourWaitOffline: 'desconecta «{name}» con el interruptor de su tarjeta.',
  tourWaitOnline: 'vuelve a conectar «{name}» con el interruptor de su tarjeta.',
  tourWaitSlow: 'ralentiza «{name}» con el menú de su tarjeta.',
  tourWaitConfigure: 'cambia un ajuste de «{name}» en el inspector.',
  tourDone: 'Listo: la visita ha terminado y la simulación sigue en marcha.',
  tourLookAt: 'Resaltado: {names}',
  export: 'Exportar',
  exportHint: 'Descarga este escenario como archivo, con la semilla y lo que cambiaste mientras corría',
  scenarioUrlError: 'No se pudo obtener {url}: {detail}',
  scenarioUrlForeign: 'Desde la dirección solo se pueden abrir archivos de escenario que sirve esta aplicación: {url}',
};
