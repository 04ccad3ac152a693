import { useEffect, useRef } from 'react';
import { controller } from '../../app/runtime';
import { formatClock } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useApp } from '../../store/appStore';
import { frameStore } from '../../store/frameStore';

/**
 * How far a key moves the timeline, ms: the arrows by 1 % of it (at least one second), Page
 * Up/Down by 10 %. Home and End keep their own meaning (the start, the end).
 */
export function keyStep(key: string, length: number): number | null {
  const small = Math.max(1000, Math.round(length / 100));
  const big = Math.max(small, Math.round(length / 10));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return small;
    case 'ArrowLeft':
    case 'ArrowDown':
      return -small;
    case 'PageUp':
      return big;
    case 'PageDown':
      return -big;
    default:
      return null;
  }
}

/**
 * The timeline: drag or type to any time; earlier times re-run from the start and land on the
 * same state. Its position follows the clock per frame without React (not while held).
 */
export function Scrubber() {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLSpanElement>(null);
  const mark = useRef<HTMLSpanElement>(null);
  const duration = useApp((s) => s.scenario?.durationMs ?? 60_000);
  useEffect(() => {
    const el = input.current!;
    let held = false;
    const down = () => (held = true);
    const up = () => (held = false);
    el.addEventListener('pointerdown', down);
    window.addEventListener('pointerup', up);
    const sync = () => {
      const f = frameStore.getState();
      const max = Math.max(duration, f.horizon);
      if (Number(el.max) !== max) {
        el.max = String(max);
        end.current!.textContent = formatClock(max);
        // The scenario's end, where Play stops once: at the far right until the run goes past it.
        mark.current!.style.left = `${(100 * duration) / max}%`;
      }
      if (!held) el.value = String(f.now);
      el.style.setProperty('--progress', `${(100 * f.now) / max}%`);
      el.setAttribute('aria-valuetext', formatClock(f.now));
    };
    sync();
    const off = frameStore.subscribe(sync);
    return () => {
      off();
      el.removeEventListener('pointerdown', down);
      window.removeEventListener('pointerup', up);
    };
  }, [duration]);
  return (
    <div className="scrubber">
      <span className="scrubber__end">0:00</span>
      <span className="scrubber__track">
        <input
          ref={input}
          type="range"
          className="scrubber__input"
          aria-label={t('timeline')}
          min={0}
          step={1}
          defaultValue={0}
          onInput={(e) => controller.seekTo(Number(e.currentTarget.value))}
          onKeyDown={(e) => {
            const by = keyStep(e.key, Number(e.currentTarget.max) || duration);
            if (by === null) return;
            e.preventDefault();
            const max = Number(e.currentTarget.max) || duration;
            controller.seekTo(Math.min(max, Math.max(0, frameStore.getState().now + by)));
          }}
        />
        <span ref={mark} className="scrubber__mark" title={t('scenarioEndMark')} aria-hidden="true" />
      </span>
      <span ref={end} className="scrubber__end" />
    </div>
  );
}
