import type { Lang } from '../sim/engine/errors';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(key, f);
  }
  return f;
}

/** A count or measure for display, grouped the way `lang` groups digits. */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  // A small whole number reads the same in every language we have, without Intl: the first
  // Intl.NumberFormat a page makes costs tens of milliseconds on a slow phone, and the first
  // screen (every figure 0) then makes none.
  if (Number.isInteger(value) && value > -1000 && value < 1000 && !Object.is(value, -0)) return String(value);
  return numberFormat(lang, digits).format(value);
}

/** Simulated time as a clock: `m:ss.mmm`, or `h:mm:ss.mmm` past the hour. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const milli = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const tail = `${pad(s, 2)}.${pad(milli, 3)}`;
  return h > 0 ? `${h}:${pad(m, 2)}:${tail}` : `${m}:${tail}`;
}

/** A duration for sentences: `850 ms`, `1.25 s`, `2 min 5 s`. */
export function formatDuration(ms: number, lang: Lang): string {
  if (ms < 1000) return `${formatNumber(ms, lang, ms < 10 ? 2 : 0)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, lang, 2)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${formatNumber((ms % 60_000) / 1000, lang, 0)} s`;
}

/** A speed multiplier: 0.1, 2.5, 40, 1,000. */
export function formatSpeed(speed: number, lang: Lang): string {
  return formatNumber(speed, lang, speed < 1 ? 2 : speed < 10 ? 1 : 0);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
