import { useState } from 'react';
import { describeEvent } from '../../app/describe';
import { LIFE_MESSAGES, type MessageLife as Life } from '../../app/messageLife';
import { observers } from '../../app/observers';
import { formatClock, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { appStore, useApp } from '../../store/appStore';
import { useFrame } from '../panels/useFrame';
import { useNameOf } from './useNameOf';

/**
 * The whole life of the message picked in the log, with times: every step of every copy
 * (published, sent, enqueued, delivered, processing, acked; or retried, requeued,
 * dead-lettered, dropped with the reason). Follows new steps a few times a second.
 */
export function MessageLife() {
  const { t, lang } = useT();
  const name = useNameOf();
  const root = useApp((s) => s.lifeOf);
  const life = root === null ? undefined : observers.lives.get(root);
  const [drawn, setDrawn] = useState<{ life?: Life; version: number }>({ version: -1 });
  useFrame(() => {
    // Redraw when a step is added, or the life was forgotten or restarted (a seek back).
    const now = root === null ? undefined : observers.lives.get(root);
    if (now !== drawn.life || (now?.version ?? -1) !== drawn.version) setDrawn({ life: now, version: now?.version ?? -1 });
  }, 250);
  if (root === null) return <p className="life__hint">{t('lifeHint')}</p>;
  const title = t('lifeTitle', { msg: life ? `${life.type} #${root}` : `#${root}` });
  return (
    <section className="life" aria-label={title}>
      <header className="life__head">
        <h3 className="life__title">{title}</h3>
        <button type="button" className="icon-button" aria-label={t('lifeClose')} onClick={() => appStore.getState().showLife(null)}>
          <svg width="12" height="12" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      {!life ? (
        <p className="life__hint">{t('lifeGone', { count: formatNumber(LIFE_MESSAGES, lang) })}</p>
      ) : (
        <>
          {life.copies.length > 1 ? <p className="life__copies">{t('lifeCopies', { ids: life.copies.map((c) => `#${c}`).join(', ') })}</p> : null}
          <ol className="life__steps">
            {life.steps.map((ev, i) => {
              const copy = (ev as { msg?: { id: number } }).msg?.id;
              return (
                <li key={i} className="life__step">
                  <span className="life__time">{formatClock(ev.t)}</span>
                  <span className="life__text">
                    {describeEvent(ev, t, lang, name)}
                    {copy !== undefined && life.copies.length > 1 && copy !== root ? <span className="life__copy"> · {t('lifeCopy', { id: copy })}</span> : null}
                  </span>
                </li>
              );
            })}
          </ol>
          {life.more > 0 ? <p className="life__hint">{t('lifeMore', { count: formatNumber(life.more, lang) })}</p> : null}
        </>
      )}
    </section>
  );
}
