import { describeTrace, narrator } from '../components/models/catalog';
import type { NameOf, Narrator } from '../components/models/kindUi';
import { formatClock } from '../i18n/format';
import type { T } from '../i18n/translate';
import type { DictKey } from '../i18n/en';
import type { Lang } from '../sim/engine/errors';
import type { TraceEvent } from '../sim/engine/trace';
import type { Scenario } from '../sim/engine/scenario';
import { appStore } from '../store/appStore';
import type { Landed } from '../store/slices/playbackSlice';
import { STYLE } from './flightStyles';
import { kafkaSentence } from './kafkaNarration';

export type { NameOf };

/**
 * One trace event in words, in the current language: "Email service finished UserRegistered #12
 * after 310 ms". The sentence comes from the kind's UI descriptor, so the event log and the
 * step narration say the same.
 */
export function describeEvent(ev: TraceEvent, _t: T, lang: Lang, name: NameOf): string {
  return sentence(ev, narrator(lang, name));
}

/** The Kafka topics of the scenario on screen (remembered per scenario). */
let topics: { of: Scenario | null; ids: Set<string> } = { of: null, ids: new Set() };
function isTopic(id: string): boolean {
  const scenario = appStore.getState().scenario;
  if (topics.of !== scenario) topics = { of: scenario, ids: new Set(scenario?.nodes.filter((n) => n.kind === 'topic').map((n) => n.id)) };
  return topics.ids.has(id);
}

/** An event's sentence: in Kafka's words where it happens at a Kafka topic, else its kind's own. */
function sentence(ev: TraceEvent, n: Narrator): string {
  return kafkaSentence(ev, n, isTopic) ?? describeTrace(ev, n);
}

/** A step's events (and the control traffic that landed) as sentences, the first prefixed with the time. */
export function describeStep(events: readonly TraceEvent[], landed: readonly Landed[], at: number, t: T, lang: Lang, name: NameOf): string[] {
  const n = narrator(lang, name);
  const sentences = [
    ...events.map((ev) => sentence(ev, n)),
    ...landed.map((l) => t('evLanded', { what: t(LANDED_KEYS[l.style] ?? 'landed_other'), from: name(l.from), to: name(l.to) })),
  ];
  if (sentences.length === 0) return [t('nothingHappened', { time: formatClock(at) })];
  return sentences.map((what, i) => (i === 0 ? t('evAt', { time: formatClock(at), what }) : what));
}

const LANDED_KEYS: Partial<Record<number, DictKey>> = {
  [STYLE.response]: 'signal_response', [STYLE.ack]: 'signal_ack', [STYLE.nack]: 'signal_nack', [STYLE.failed]: 'landed_failed',
};
