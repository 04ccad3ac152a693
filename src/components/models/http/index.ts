import type { HttpTrace } from '../../../sim/models/http';
import { GenericIcon, ServiceIcon } from '../../nodes/icons';
import { backlogChart, type FamilyUi } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { REST_CLIENT_FIELDS, REST_SERVICE_FIELDS } from './fields';
import type { PhraseKey } from './phrases';
import { RestClientNode, RestServiceNode } from './RestNodes';

const say = phrasebook<PhraseKey>('http');

/** Synchronous HTTP: REST clients and services, with timeouts, retries, breakers and bulkheads. */
export const httpUi: FamilyUi<HttpTrace> = {
  family: 'http',
  kinds: [
    {
      kind: 'rest-client', card: RestClientNode, icon: GenericIcon, accent: 'service',
      name: { en: 'REST client', es: 'cliente REST' }, fields: REST_CLIENT_FIELDS, chart: backlogChart,
    },
    {
      kind: 'rest-service', card: RestServiceNode, icon: ServiceIcon, accent: 'service',
      name: { en: 'REST service', es: 'servicio REST' }, fields: REST_SERVICE_FIELDS,
      figures: {
        executions: { en: 'Requests run', es: 'Peticiones ejecutadas' },
        duplicateExecutions: { en: 'Run twice', es: 'Ejecutadas dos veces' },
        replayed: { en: 'Replayed from key', es: 'Repetidas desde la clave' },
        keyConflicts: { en: 'Key in use (409)', es: 'Clave en uso (409)' },
      },
    },
  ],
  traces: {
    'http.request': {
      log: (ev) => (ev.attempt > 1 ? 'retry' : 'request'),
      say: (ev, n) => say(n, 'httpRequest', { node: n.name(ev.node), to: n.name(ev.to), msg: n.msg(ev.msg), attempt: ev.attempt }),
    },
    'http.response': {
      log: (ev) => (ev.status >= 200 && ev.status < 400 ? 'response' : 'failure'),
      say: (ev, n) =>
        ev.late
          ? say(n, 'httpLate', { node: n.name(ev.node), from: n.name(ev.from), msg: n.msg(ev.msg), status: n.status(ev.status) })
          : say(n, 'httpResponse', {
              node: n.name(ev.node), from: n.name(ev.from), msg: n.msg(ev.msg), status: n.status(ev.status), latency: n.dur(ev.latencyMs),
            }),
    },
    'http.timeout': {
      log: 'failure',
      say: (ev, n) => say(n, 'httpTimeout', { node: n.name(ev.node), to: n.name(ev.to), msg: n.msg(ev.msg), after: n.dur(ev.afterMs), attempt: ev.attempt }),
    },
    'http.retry_scheduled': {
      log: 'retry',
      say: (ev, n) => say(n, 'httpRetry', { node: n.name(ev.node), to: n.name(ev.to), msg: n.msg(ev.msg), delay: n.dur(ev.delayMs), attempt: ev.attempt }),
    },
    'http.call_ended': {
      log: (ev) => (ev.ok ? 'response' : 'failure'),
      say: (ev, n) => {
        const base = { node: n.name(ev.node), to: n.name(ev.to), msg: n.msg(ev.msg), attempts: ev.attempts };
        return ev.ok ? say(n, 'httpOk', { ...base, latency: n.dur(ev.latencyMs) }) : say(n, 'httpFailed', { ...base, reason: ev.reason === undefined ? '?' : n.reason(ev.reason) });
      },
    },
    'breaker.state_changed': {
      log: 'system',
      say: (ev, n) =>
        say(n, 'breaker', { node: n.name(ev.node), dep: n.name(ev.dependency), from: ev.from, to: ev.to, rate: Math.round(ev.failureRate) }),
    },
    'http.replayed': {
      log: 'response',
      say: (ev, n) => say(n, 'replayed', { node: n.name(ev.node), to: n.name(ev.to), msg: n.msg(ev.msg), status: n.status(ev.status) }),
    },
    'http.key_in_use': {
      log: 'failure',
      say: (ev, n) => say(n, 'keyInUse', { node: n.name(ev.node), to: n.name(ev.to), msg: n.msg(ev.msg) }),
    },
    'bulkhead.rejected': {
      log: 'failure',
      say: (ev, n) => say(n, 'bulkhead', { node: n.name(ev.node), dep: n.name(ev.dependency), msg: n.msg(ev.msg), inUse: ev.inUse, limit: ev.limit }),
    },
  },
};
