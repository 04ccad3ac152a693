import { formatClock, formatDuration } from '../../i18n/format';
import { fieldName } from '../../i18n/fieldNames';
import { translator } from '../../i18n/translate';
import type { Lang } from '../../sim/engine/errors';
import type { TraceEvent } from '../../sim/catalog';
import { hasOnlineSwitch, isSlowable } from '../../app/firstScreen';
import { GenericIcon } from '../nodes/icons';
import { coreUi } from './core';
import { httpUi } from './http';
import { kafkaUi } from './kafka';
import { delayUi } from './delay';
import { lbUi } from './lb';
import type { CopyMemory, KindUi, LogKind, NameOf, Narrator, TraceTable, TraceUi } from './kindUi';
import { pubsubUi } from './pubsub';
import { reasonOf } from './reasonLookup';
import { rabbitmqUi } from './rabbitmq';
import { webhookUi } from './webhook';
import { sagaUi } from './saga';

/** Every family the interface knows: one line each. */
export const UI_FAMILIES = [coreUi, rabbitmqUi, kafkaUi, pubsubUi, httpUi, webhookUi, delayUi, lbUi, sagaUi] as const;

/** Every kind's UI descriptor, with the controls its engine kind declares (online switch, slow mode). */
export const KIND_UIS: readonly KindUi[] = UI_FAMILIES.flatMap((f) =>
  f.kinds.map((k) => ({ ...k, online: hasOnlineSwitch(k.kind), slow: isSlowable(k.kind) })),
);

/** The trace union the families describe, together. */
type Described = (typeof UI_FAMILIES)[number] extends infer F ? (F extends { traces: TraceTable<infer U> } ? U : never) : never;

/**
 * How every trace type reads and is logged. Typed complete: a trace type no family describes
 * makes the assignment below fail to compile.
 */
export const TRACE_UI: TraceTable<TraceEvent> = Object.assign({}, ...UI_FAMILIES.map((f) => f.traces)) as TraceTable<Described>;

const byKind = new Map(KIND_UIS.map((k) => [k.kind, k]));

/** A kind the catalog lacks: the generic card, its id as its name, no controls. */
function unknownKind(kind: string): KindUi {
  return { kind, card: 'generic', icon: GenericIcon, accent: 'other', online: false, slow: false, name: { en: kind, es: kind }, fields: {} };
}

/** The UI descriptor of `kind` (a generic one for a kind the catalog lacks). */
export function kindUi(kind: string): KindUi {
  return byKind.get(kind) ?? unknownKind(kind);
}

/** The label of a setting or figure of `kind` in `lang`: the kind's own, else a shared name, else humanized. */
export function fieldLabel(kind: string, key: string, lang: Lang): string {
  const ui = byKind.get(kind);
  return ui?.fields[key]?.[lang] ?? ui?.figures?.[key]?.[lang] ?? fieldName(key, lang);
}

/** A narrator for `lang` naming nodes with `name`. */
export function narrator(lang: Lang, name: NameOf): Narrator {
  const t = translator(lang);
  return {
    lang, t, name,
    msg: (m) => `${m.type} #${m.id}`,
    dur: (ms) => formatDuration(ms, lang),
    clock: formatClock,
    list: (xs) => (xs.length ? xs.join(', ') : t('lxNone')),
    status: (code) => (code === 0 ? t('noConnection') : String(code)),
    reason: (text) => reasonOf(text, lang, name, (kind) => kindUi(kind).name[lang]),
  };
}

/** The sentence for one trace event, as the step narration and the event log both say it. */
export function describeTrace(ev: TraceEvent, n: Narrator): string {
  const ui = TRACE_UI[ev.type] as TraceUi<TraceEvent> | undefined;
  if (!ui) return n.t('evOther', { type: ev.type, node: 'node' in ev ? n.name(ev.node) : '' });
  return ui.say(ev, n);
}

/** The log kind of one trace event (may update what `memory` remembers of the copy). */
export function logKindOf(ev: TraceEvent, memory: CopyMemory): LogKind {
  const ui = TRACE_UI[ev.type] as TraceUi<TraceEvent> | undefined;
  if (!ui) return 'system';
  return typeof ui.log === 'function' ? ui.log(ev, memory) : ui.log;
}
