import { useMemo } from 'react';
import { describeStep } from '../../app/describe';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/** The last single step, in words ("At 0:01.234: Email service finished UserRegistered #3 after 310 ms"). */
export function LastEvent() {
  const { t, lang } = useT();
  const step = useApp((s) => s.lastStep);
  const scenario = useApp((s) => s.scenario);
  const lines = useMemo(() => {
    if (!step) return [t('noEventYet')];
    if (step.kind === 'end') return [t('noMoreEvents')];
    const labels = new Map(scenario?.nodes.map((n) => [n.id, localize(n.label, lang, n.id)]));
    return describeStep(step.events, step.landed, step.t, t, lang, (id) => labels.get(id) ?? id);
  }, [step, scenario, t, lang]);
  return (
    <section className={`last-event${step ? '' : ' last-event--hint'}`} aria-label={t('lastEvent')} aria-live="polite">
      <span className="last-event__label">{t('lastEvent')}</span>
      <span className="last-event__text">
        {lines.map((line, i) => (
          <span key={i} className="last-event__line">
            {line}
          </span>
        ))}
      </span>
    </section>
  );
}
