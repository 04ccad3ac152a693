import type { DelayTrace } from '../../../sim/models/delay';
import { backlogChart, type FamilyUi } from '../kindUi';
import { DelayIcon } from './DelayIcon';

/** A delay hop: the generic card (its figures as lines), its own names and icon; it emits only engine events. */
export const delayUi: FamilyUi<DelayTrace> = {
  family: 'delay',
  kinds: [
    {
      kind: 'delay', card: 'generic', icon: DelayIcon, accent: 'service',
      name: { en: 'delay', es: 'retardo' },
      fields: { delay: { en: 'Hold time', es: 'Tiempo de retención' } },
      figures: { forwarded: { en: 'Forwarded', es: 'Reenviados' }, held: { en: 'Held', es: 'Retenidos' } },
      chart: backlogChart,
    },
  ],
  traces: {},
};
