import { M, Presence } from '../app/motionLazy';
import { lazy, Suspense, useState } from 'react';
import { localize } from '../i18n/localize';
import { useT } from '../i18n/useT';
import { drawnScenario, useApp } from '../store/appStore';

// The tour replays the run ahead with the engine, which arrives after the first paint (app/runtime.ts).
const TourStart = lazy(() => import('./tour/TourStart').then((mod) => ({ default: mod.TourStart })));

/** Descriptions longer than this start clamped to a few lines, with "More" to read the rest. */
const LONG = 200;

/**
 * The scenario's title and description as a short card over the canvas: what it shows and
 * what to try. Long descriptions open clamped, so the card stays small beside the diagram.
 */
export function Narration() {
  const { t, lang } = useT();
  const scenario = useApp(drawnScenario);
  const loadId = useApp((s) => s.loadId);
  const [expandedFor, setExpandedFor] = useState(-1);
  if (!scenario) return null;
  const description = localize(scenario.description, lang);
  const long = description.length > LONG;
  const expanded = !long || expandedFor === loadId;
  return (
    <Presence mode="wait">
      <M.section
        key={loadId}
        className="narration"
        aria-label={t('narration')}
        initial={{ opacity: 0, y: -6 }}
        animate={{ opacity: 1, y: 0 }}
        exit={{ opacity: 0, y: -6 }}
        transition={{ duration: 0.25 }}
      >
        <h2 className="narration__title">{localize(scenario.title, lang)}</h2>
        {description ? (
          <p className={`narration__text${expanded ? '' : ' narration__text--clamped'}`}>{description}</p>
        ) : null}
        {long ? (
          <button
            type="button"
            className="narration__more"
            aria-expanded={expanded}
            onClick={() => setExpandedFor(expanded ? -1 : loadId)}
          >
            {expanded ? t('showLess') : t('showMore')}
          </button>
        ) : null}
        <Suspense fallback={null}>
          <TourStart />
        </Suspense>
      </M.section>
    </Presence>
  );
}
