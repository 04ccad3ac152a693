import { M } from '../../app/motionLazy';
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { optionName } from '../../i18n/fieldNames';
import { formatDuration } from '../../i18n/format';
import { localize } from '../../i18n/localize';
import type { T } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import type { Scenario } from '../../sim/engine/scenario';
import type { TourApply, TourStep, TourWait } from '../../sim/engine/tour';
import { fieldLabel } from '../models/catalog';
import { useApp } from '../../store/appStore';
import { frameStore } from '../../store/frameStore';
import { doItForMe, leaveTour, nextStep, previousStep, skipToMoment, useTour } from './tourSession';

/**
 * The tour's card: step n of N, what to look at, where the run is (running to the moment,
 * paused there, or waiting for the learner), and Back / Next / Leave. Sits where the
 * scenario's narration sits, and the canvas fits the highlighted nodes clear of it.
 */
export function TourPanel({ scenario }: { scenario: Scenario }) {
  const { t, lang } = useT();
  const step = useTour((s) => s.step);
  const waiting = useTour((s) => s.waiting);
  const moment = useTour((s) => s.marks[s.step]?.t ?? 0);
  const seeking = useApp((s) => s.seekingTo !== null);
  const reached = useStore(frameStore, (f) => f.now >= moment);
  const heading = useRef<HTMLHeadingElement>(null);
  const steps = scenario.tour!.steps;
  const current: TourStep = steps[step]!;
  const last = step === steps.length - 1;
  // A new step's text is where the reader's focus goes (keyboard users land on it after Next).
  useEffect(() => {
    if (heading.current && heading.current.closest('.tour-panel')?.contains(document.activeElement)) heading.current.focus();
  }, [step]);
  const names = highlightNames(current, scenario, lang);
  // On a phone the card is a compact sheet (the canvas is short): the text is folded to its
  // first lines until the learner unfolds it, so the highlighted cards stay in view.
  const [unfolded, setUnfolded] = useState(() => !onPhone());
  const textId = useId();
  return (
    <M.section
      className={`tour-panel${unfolded ? '' : ' tour-panel--folded'}`}
      role="region"
      aria-label={t('tour')}
      initial={{ opacity: 0, y: -6 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.2 }}
    >
      <div className="tour-panel__top">
        <span className="tour-panel__count">{t('tour')} · {t('tourStepOf', { step: step + 1, count: steps.length })}</span>
        <button type="button" className="tour-panel__fold" aria-expanded={unfolded} aria-controls={textId} onClick={() => setUnfolded((u) => !u)}>
          {unfolded ? t('tourFold') : t('tourUnfold')}
        </button>
        <button type="button" className="tour-panel__leave" aria-label={t('tourLeave')} title={t('tourLeave')} onClick={leaveTour}>
          ×
        </button>
      </div>
      <div aria-live="polite" aria-atomic="true">
        <h2 className="tour-panel__title" ref={heading} tabIndex={-1}>
          {localize(current.title, lang, t('tourStepOf', { step: step + 1, count: steps.length }))}
        </h2>
        <p className="tour-panel__text" id={textId}>{localize(current.text, lang)}</p>
      </div>
      {names.length > 0 ? (
        <p className="tour-panel__look">
          <span className="visually-hidden">{t('tourLookAt', { names: names.join(', ') })}</span>
          {names.map((n) => (
            <span key={n} className="tour-panel__chip" aria-hidden="true">{n}</span>
          ))}
        </p>
      ) : null}
      {current.apply ? <p className="tour-panel__applied">{t('tourApplied', { what: appliedText(t, current.apply, scenario, lang) })}</p> : null}
      <Status t={t} current={current} scenario={scenario} lang={lang} reached={reached && !seeking} moment={moment} waiting={waiting} last={last} />
      <div className="tour-panel__nav">
        <button type="button" className="button" onClick={previousStep} disabled={step === 0}>
          ← {t('tourBack')}
        </button>
        {last ? (
          <button type="button" className="button button--primary" onClick={leaveTour}>
            {t('tourFinish')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={nextStep} disabled={waiting}>
            {t('tourNext')} →
          </button>
        )}
      </div>
    </M.section>
  );
}

/** A phone-sized screen, where the tour card starts folded (the same width as tour.css's phone rules). */
function onPhone(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 640px)').matches;
}

interface StatusProps {
  t: T;
  current: TourStep;
  scenario: Scenario;
  lang: 'en' | 'es';
  reached: boolean;
  moment: number;
  waiting: boolean;
  last: boolean;
}

function Status({ t, current, scenario, lang, reached, moment, waiting, last }: StatusProps) {
  const time = formatDuration(moment, lang);
  if (current.run && !reached) {
    return (
      <p className="tour-panel__status" role="status">
        {t('tourRunning', { time })}{' '}
        <button type="button" className="tour-panel__link" onClick={skipToMoment}>{t('tourSkip')}</button>
      </p>
    );
  }
  if (current.waitFor && waiting) {
    return (
      <p className="tour-panel__status tour-panel__status--turn" role="status">
        {t('tourYourTurn', { what: waitText(t, current.waitFor, scenario, lang) })}{' '}
        <button type="button" className="tour-panel__link" onClick={doItForMe}>{t('tourDoIt')}</button>
      </p>
    );
  }
  return (
    <p className="tour-panel__status" role="status">
      {current.run ? t('tourPausedAt', { time }) : ''}
      {current.run && last && !current.waitFor ? ' · ' : ''}
      {last && !current.waitFor ? t('tourDone') : ''}
    </p>
  );
}

function nodeName(scenario: Scenario, id: string, lang: 'en' | 'es'): string {
  return localize(scenario.nodes.find((n) => n.id === id)?.label, lang, id);
}

function waitText(t: T, wait: TourWait, scenario: Scenario, lang: 'en' | 'es'): string {
  const name = nodeName(scenario, wait.node, lang);
  if (wait.do === 'configure' && wait.field !== undefined && wait.value !== undefined) {
    const kind = scenario.nodes.find((n) => n.id === wait.node)?.kind ?? '';
    const field = fieldLabel(kind, wait.field, lang);
    if (wait.value === true) return t('tourWaitTick', { name, field });
    return t('tourWaitSetTo', { name, field, value: typeof wait.value === 'string' ? optionName(wait.value, lang) : String(wait.value) });
  }
  const key = ({ offline: 'tourWaitOffline', online: 'tourWaitOnline', slow: 'tourWaitSlow', configure: 'tourWaitConfigure' } as const)[wait.do];
  return t(key, { name });
}

/**
 * What the step did by itself, in words: "restarted “Orders”; set Timeout (ms), Circuit breaker
 * on “Orders”". A node taken offline and brought back online in the same step was restarted.
 */
function appliedText(t: T, apply: readonly TourApply[], scenario: Scenario, lang: 'en' | 'es'): string {
  const restarted = new Set(apply.filter((a, i) => a.do === 'offline' && apply.slice(i + 1).some((b) => b.do === 'online' && b.node === a.node)).map((a) => a.node));
  const name = (id: string) => nodeName(scenario, id, lang);
  const parts: string[] = [];
  const names = [...restarted].map(name);
  if (names.length > 0) parts.push(t('tourAppliedRestart', { names: names.map((n) => (lang === 'es' ? `«${n}»` : `“${n}”`)).join(lang === 'es' ? ' y ' : ' and ') }));
  for (const a of apply) {
    if (restarted.has(a.node) && (a.do === 'offline' || a.do === 'online')) continue;
    if (a.do === 'offline') parts.push(t('tourAppliedOffline', { name: name(a.node) }));
    else if (a.do === 'online') parts.push(t('tourAppliedOnline', { name: name(a.node) }));
    else if (a.do === 'slow') parts.push(a.factor === 1 ? t('tourAppliedNormalSpeed', { name: name(a.node) }) : t('tourAppliedSlow', { name: name(a.node), factor: a.factor }));
    else {
      const kind = scenario.nodes.find((n) => n.id === a.node)?.kind ?? '';
      parts.push(t('tourAppliedConfigure', { name: name(a.node), fields: Object.keys(a.patch).map((f) => fieldLabel(kind, f, lang)).join(', ') }));
    }
  }
  return parts.join('; ');
}

function highlightNames(step: TourStep, scenario: Scenario, lang: 'en' | 'es'): string[] {
  return step.highlight.nodes.map((id) => nodeName(scenario, id, lang));
}
