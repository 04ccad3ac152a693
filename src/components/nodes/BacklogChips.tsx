import { AnimatePresence, m } from 'motion/react';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';

/** How many chips fit on a card; past that, a "+N". */
const MAX_CHIPS = 20;

/** A backlog drawn as a stack of message chips, with the count past what fits. */
export function BacklogChips({ count }: { count: number }) {
  const { t, lang } = useT();
  const shown = Math.min(count, MAX_CHIPS);
  return (
    <div className="chips" aria-hidden="true">
      <AnimatePresence initial={false}>
        {Array.from({ length: shown }, (_, i) => (
          <m.span
            key={i}
            className="chip"
            initial={{ scale: 0, opacity: 0 }}
            animate={{ scale: 1, opacity: 1 }}
            exit={{ scale: 0, opacity: 0 }}
            transition={{ duration: 0.15 }}
          />
        ))}
      </AnimatePresence>
      {count > MAX_CHIPS ? <span className="chips__more">{t('moreChips', { count: formatNumber(count - MAX_CHIPS, lang) })}</span> : null}
      {count === 0 ? <span className="chips__empty" /> : null}
    </div>
  );
}
