import type { Lang } from '../sim/engine/errors';

/**
 * Setting and figure names in both languages, looked up in fieldNameTable.ts, which stays out
 * of the first load (issue #13): only the inspector, the tour and the generic card (its figures
 * come from the engine) read it, so it loads with the engine (`engine()` in app/lazyLoader.ts)
 * and with the inspector (LazyInspector.tsx). Until then a field shows humanized, an option as is.
 */
let names: typeof import('./fieldNameTable') | undefined;
let loading: Promise<void> | undefined;

/** Loads the table once; resolves when the names are there. */
export function loadFieldNames(): Promise<void> {
  loading ??= import('./fieldNameTable').then((mod) => {
    names = mod;
  });
  return loading;
}

/** A setting value's name in `lang`, or the value itself. */
export function optionName(value: string, lang: Lang): string {
  return names?.OPTION_NAMES[value]?.[lang] ?? value;
}

/** A field's name in `lang`, or its humanized name when the table does not have it. */
export function fieldName(key: string, lang: Lang): string {
  return names?.FIELD_NAMES[key]?.[lang] ?? humanize(key);
}

/** `slowCallDurationThresholdMs` → "Slow call duration threshold (ms)"; `ratePerSec` → "Rate per sec". */
export function humanize(key: string): string {
  let unit = '';
  let base = key;
  if (/[a-z]Ms$/.test(base)) {
    unit = ' (ms)';
    base = base.slice(0, -2);
  } else if (/[a-z]Sec$/.test(base)) {
    unit = ' (s)';
    base = base.slice(0, -3);
  }
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1) + unit;
}
