import { useNodeId } from '@xyflow/react';
import { M, Presence } from '../../app/motionLazy';
import type { MouseEvent } from 'react';
import { followWaiting } from '../../app/follow';
import { formatNumber } from '../../i18n/format';
import { localize } from '../../i18n/localize';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';

/** How many chips fit on a card; past that, a "+N". */
const MAX_CHIPS = 20;

/**
 * A backlog drawn as a stack of message chips, with the count past what fits. On a card, the
 * stack is a button: a click on a chip follows that message (the first chip is the next to be
 * delivered), Enter or Space the next one.
 */
export function BacklogChips({ count }: { count: number }) {
  const { t, lang } = useT();
  const node = useNodeId();
  const name = useApp((s) => (node ? localize(s.scenario?.nodes.find((n) => n.id === node)?.label, lang, node) : ''));
  const shown = Math.min(count, MAX_CHIPS);
  const chips = (
    <>
      <Presence initial={false}>
        {Array.from({ length: shown }, (_, i) => (
          <M.span
            key={i}
            className="chip"
            data-i={i}
            initial={{ scale: 0, opacity: 0 }}
            animate={{ scale: 1, opacity: 1 }}
            exit={{ scale: 0, opacity: 0 }}
            transition={{ duration: 0.15 }}
          />
        ))}
      </Presence>
      {count > MAX_CHIPS ? <span className="chips__more">{t('moreChips', { count: formatNumber(count - MAX_CHIPS, lang) })}</span> : null}
      {count === 0 ? <span className="chips__empty" /> : null}
    </>
  );
  if (!node || count === 0) return <div className="chips" aria-hidden="true">{chips}</div>;
  const onClick = (e: MouseEvent) => followWaiting.at(node, Number((e.target as HTMLElement).closest<HTMLElement>('[data-i]')?.dataset.i ?? 0));
  return (
    <button type="button" className="chips chips--follow nodrag" aria-label={t('followFromQueue', { name })} title={t('followFromQueue', { name })} onClick={onClick}>
      {chips}
    </button>
  );
}
