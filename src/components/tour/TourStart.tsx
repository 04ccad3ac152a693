import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';
import { resumeTour, savedStep, startTour, useTour } from './tourSession';

/** "Take the guided tour" (and "Resume the tour at step n" once left) for a scenario that has a tour. */
export function TourStart() {
  const { t } = useT();
  const scenario = useApp((s) => s.scenario);
  const loadId = useApp((s) => s.loadId);
  const session = useTour((s) => (s.loadId === loadId ? s.step : null));
  if (!scenario?.tour) return null;
  const resumeAt = session ?? savedStep(scenario);
  return (
    <div className="tour-start">
      <button type="button" className="button button--primary" onClick={startTour}>
        {t('tourStart')}
      </button>
      {resumeAt !== null && resumeAt > 0 ? (
        <button type="button" className="button" onClick={resumeTour}>
          {t('tourResume', { step: resumeAt + 1 })}
        </button>
      ) : (
        <span className="tour-start__count">{t('tourSteps', { count: scenario.tour.steps.length })}</span>
      )}
    </div>
  );
}
