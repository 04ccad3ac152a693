import { M } from '../../../app/motionLazy';
import type { DictKey } from '../../../i18n/en';
import { useT } from '../../../i18n/useT';
import { useApp } from '../../../store/appStore';
import { localize } from '../../../i18n/localize';
import type { NodeLive } from '../../../store/slices/liveSlice';
import { rec } from '../../nodes/read';

interface Dependency {
  breaker?: string;
}

const TONE: Record<string, string> = { closed: 'ok', open: 'bad', half_open: 'warn' };

/** Each dependency's circuit breaker state (closed, open, half-open), recoloured as it changes. */
export function BreakerPills({ live }: { live: NodeLive | undefined }) {
  const { t, lang } = useT();
  const scenario = useApp((s) => s.scenario);
  const deps = rec<Dependency>(live, 'dependencies');
  if (!deps) return null;
  const withBreaker = Object.entries(deps).filter(([, d]) => typeof d?.breaker === 'string');
  if (withBreaker.length === 0) return null;
  const label = (id: string) => localize(scenario?.nodes.find((n) => n.id === id)?.label, lang, id);
  return (
    <div className="pills">
      {withBreaker.map(([id, d]) => {
        const state = d.breaker!.toLowerCase().replace(/[^a-z]+/g, '_');
        return (
          <span key={id} className="pill">
            <span className="pill__name" title={t('breakerTo', { name: label(id) })}>{t('breakerTo', { name: label(id) })}</span>
            <M.span
              key={state}
              className={`pill__state pill__state--${TONE[state] ?? 'ok'}`}
              initial={{ scale: 1.3, opacity: 0.4 }}
              animate={{ scale: 1, opacity: 1 }}
              transition={{ duration: 0.3 }}
            >
              {TONE[state] ? t(`breaker_${state}` as DictKey) : d.breaker}
            </M.span>
          </span>
        );
      })}
    </div>
  );
}
