import { AnimatePresence, motion } from 'motion/react';
import { useState } from 'react';
import { localize } from '../i18n/localize';
import { useT } from '../i18n/useT';
import { useApp } from '../store/appStore';

/** The scenario's title and description as a short card over the canvas: what it shows and what to try. */
export function Narration() {
  const { t, lang } = useT();
  const scenario = useApp((s) => s.scenario);
  const loadId = useApp((s) => s.loadId);
  const [open, setOpen] = useState(true);
  if (!scenario) return null;
  const description = localize(scenario.description, lang);
  return (
    <AnimatePresence mode="wait">
      <motion.section
        key={loadId}
        className="narration"
        aria-label={t('narration')}
        initial={{ opacity: 0, y: -6 }}
        animate={{ opacity: 1, y: 0 }}
        exit={{ opacity: 0, y: -6 }}
        transition={{ duration: 0.25 }}
      >
        <div className="narration__head">
          <h2 className="narration__title">{localize(scenario.title, lang)}</h2>
          {description ? (
            <button
              type="button"
              className="icon-button"
              aria-expanded={open}
              aria-label={open ? t('hideNarration') : t('showNarration')}
              onClick={() => setOpen(!open)}
            >
              <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" style={{ transform: open ? 'rotate(180deg)' : undefined }}>
                <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
              </svg>
            </button>
          ) : null}
        </div>
        <AnimatePresence initial={false}>
          {open && description ? (
            <motion.p
              className="narration__text"
              initial={{ height: 0, opacity: 0 }}
              animate={{ height: 'auto', opacity: 1 }}
              exit={{ height: 0, opacity: 0 }}
              transition={{ duration: 0.2 }}
            >
              {description}
            </motion.p>
          ) : null}
        </AnimatePresence>
      </motion.section>
    </AnimatePresence>
  );
}
