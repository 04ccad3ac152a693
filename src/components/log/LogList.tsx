import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { describeLogEvent } from '../../app/describeLog';
import type { LogEntry } from '../../app/eventLog';
import { messageOf } from '../../app/logKinds';
import { observers } from '../../app/observers';
import { formatClock, formatNumber } from '../../i18n/format';
import type { T } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import type { Lang } from '../../sim/engine/errors';
import { appStore, useApp } from '../../store/appStore';
import { useFrame } from '../panels/useFrame';
import type { NameOf } from '../../app/describe';
import { KIND_COLORS } from './LogFilters';
import { useNameOf } from './useNameOf';

/** Row height, px: fixed, so the virtualizer needs no measuring. */
const ROW = 26;
/** How often the list looks for new entries while playing, wall ms. */
const EVERY_MS = 250;

/**
 * The event log: the trace in words, newest last, filtered by node and kind, virtualized
 * (only the rows in view exist in the DOM). It follows the newest entry while scrolled to
 * the bottom; scrolling up stops that until the user scrolls back down.
 */
export function LogList() {
  const { t, lang } = useT();
  const name = useNameOf();
  const { log } = observers;
  const [version, setVersion] = useState(log.version);
  useFrame(() => {
    if (log.version !== version) setVersion(log.version);
  }, EVERY_MS);
  const logNode = useApp((s) => s.logNode);
  const kinds = useApp((s) => s.logKinds);
  const lifeOf = useApp((s) => s.lifeOf);
  // `version` stands for the log's contents, which change outside React.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => log.select({ node: logNode, kinds: new Set(kinds) }), [log, version, logNode, kinds]);
  const scroller = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  // The virtualizer is read during render only; nothing of it is memoized or passed down.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 10,
  });
  useLayoutEffect(() => {
    // Rows have a fixed height, so the newest is simply at the bottom of the scroll area.
    const el = scroller.current;
    if (follow.current && el) el.scrollTop = el.scrollHeight;
  }, [rows]);
  const onScroll = () => {
    const el = scroller.current!;
    follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < ROW * 1.5;
  };
  return (
    <div className="log">
      <p className="log__status">
        {t('logShown', { shown: formatNumber(rows.length, lang), kept: formatNumber(log.length, lang) })}
        {log.dropped > 0 ? (
          <span className="log__dropped">
            {' · '}
            {t('logDropped', { kept: formatNumber(log.length, lang), total: formatNumber(log.total, lang) })}
          </span>
        ) : null}
      </p>
      <div className="log__scroll" ref={scroller} onScroll={onScroll} tabIndex={0} role="list" aria-label={t('logTitle')}>
        {rows.length === 0 ? (
          <p className="log__empty">{log.length === 0 ? t('logEmpty') : t('logNoMatch')}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = log.get(rows[item.index]!)!;
              return (
                <LogRow key={entry.seq} entry={entry} top={item.start} t={t} lang={lang} name={name} open={lifeOf} />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface RowProps {
  entry: LogEntry;
  top: number;
  t: T;
  lang: Lang;
  name: NameOf;
  /** The message whose life is open, to mark its rows. */
  open: number | null;
}

const LogRow = memo(function LogRow({ entry, top, t, lang, name, open }: RowProps) {
  const text = describeLogEvent(entry.ev, t, lang, name);
  const ref = messageOf(entry.ev);
  const root = ref ? (ref.root ?? observers.lives.get(ref.id)?.root) : undefined;
  const msgType = (entry.ev as { msg?: { type: string } }).msg?.type;
  return (
    <div role="listitem" className={`logrow${root !== undefined && root === open ? ' logrow--open' : ''}`} style={{ transform: `translateY(${top}px)` }}>
      <span className="logrow__time">{formatClock(entry.ev.t)}</span>
      <span className="logrow__kind" style={{ background: KIND_COLORS[entry.kind] }} title={t(`logKind_${entry.kind}`)} aria-hidden="true" />
      <span className="logrow__text" title={text}>
        {text}
      </span>
      {ref && root !== undefined ? (
        <button
          type="button"
          className="logrow__msg"
          aria-label={t('logLifeOf', { msg: msgType ? `${msgType} #${ref.id}` : `#${ref.id}` })}
          aria-pressed={root === open}
          onClick={() => appStore.getState().showLife(root === open ? null : root)}
        >
          #{ref.id}
        </button>
      ) : null}
    </div>
  );
});
