import { controller } from '../../app/runtime';
import { appStore } from '../../store/appStore';
import { openTourAt, tourStore } from './tourSession';

/**
 * The share link's tour part, `&tour=<step, from 1>&tt=<ms>`, while the tour is open: the
 * link reopens the tour at that step, at that moment of the run it carries. Empty otherwise.
 */
export function tourHashParams(): string {
  const s = tourStore.getState();
  if (!s.open || s.loadId !== appStore.getState().loadId) return '';
  const t = s.marks[s.step]?.t ?? controller.now;
  return `&tour=${s.step + 1}&tt=${Math.round(t * 1000) / 1000}`;
}

/** Opens the tour at the step a share link names, if it names one and the scenario has a tour; ignores a bad value. */
export function openTourFromHash(hash: string): void {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const step = Number(params.get('tour'));
  const steps = appStore.getState().scenario?.tour?.steps.length ?? 0;
  if (!Number.isInteger(step) || step < 1 || step > steps) return;
  const tt = params.get('tt');
  const t = tt === null ? undefined : Number(tt);
  openTourAt(step - 1, t !== undefined && Number.isFinite(t) && t >= 0 ? t : undefined);
}
