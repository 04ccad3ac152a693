import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES } from '../scenarios';
import { parseScenario } from './catalog';

const base = BUILTIN_FILES.find((f) => (f as { id: string }).id === 'user-registered-queue') as Record<string, unknown>;
const withTour = (tour: unknown) => parseScenario({ ...base, tour });

describe('tour in a scenario file', () => {
  it('accepts steps with text, highlights, a moment and an awaited action', () => {
    const r = withTour({
      steps: [
        { text: { en: 'Look', es: 'Mira' }, highlight: { nodes: ['signups'], links: [{ from: 'users', to: 'signups' }] }, run: { until: 'time', ms: 5000 } },
        { text: 'Both', waitFor: { do: 'offline', node: 'email' } },
        { text: 'x', run: { until: 'stat', node: 'signups', stat: 'backlog.now', above: 20 } },
      ],
    });
    expect(r.ok).toBe(true);
  });

  it('locates an unknown node, an unknown link and an unknown field, in both languages', () => {
    const tour = {
      steps: [
        { text: 'a', highlight: { nodes: ['nope'] } },
        { text: 'b', highlight: { links: [{ from: 'email', to: 'users' }] }, waitFor: { do: 'offline', node: 'ghost' } },
      ],
    };
    const en = withTour(tour);
    expect(en.ok).toBe(false);
    if (en.ok) return;
    expect(en.issues.map((i) => i.path)).toEqual(['tour.steps[0].highlight.nodes[0]', 'tour.steps[1].highlight.links[0]', 'tour.steps[1].waitFor.node']);
    expect(en.issues[1]!.message).toBe('There is no link from "email" to "users"');
    const es = parseScenario({ ...base, tour }, 'es');
    expect(!es.ok && es.issues[0]!.message).toBe('No hay ningún nodo con id "nope"');
    const typo = withTour({ steps: [{ text: 'a', hilight: { nodes: [] } }] });
    expect(!typo.ok && typo.issues[0]!.path).toBe('tour.steps[0].hilight');
    const badRun = withTour({ steps: [{ text: 'a', run: { until: 'never' } }] });
    expect(!badRun.ok && badRun.issues[0]!.path).toBe('tour.steps[0].run.until');
  });

  it('accepts actions the tour takes itself, and locates one on an unknown node or with settings its kind refuses', () => {
    const ok = withTour({
      steps: [{ text: 'a', apply: [{ do: 'offline', node: 'email' }, { do: 'configure', node: 'email', patch: { concurrency: 4 } }, { do: 'online', node: 'email' }] }],
    });
    expect(ok.ok).toBe(true);
    const bad = withTour({
      steps: [
        { text: 'a', apply: [{ do: 'offline', node: 'ghost' }] },
        { text: 'b', apply: [{ do: 'slow', node: 'email', factor: 2 }, { do: 'configure', node: 'email', patch: { concurrency: -1 } }] },
      ],
    });
    expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(['tour.steps[0].apply[0].node']);
    const patch = withTour({ steps: [{ text: 'b', apply: [{ do: 'configure', node: 'email', patch: { concurrency: -1 } }] }] });
    expect(!patch.ok && patch.issues.map((i) => i.path)).toEqual(['tour.steps[0].apply[0].patch']);
    const notAnAction = withTour({ steps: [{ text: 'a', apply: [{ do: 'explode', node: 'email' }] }] });
    expect(!notAnAction.ok && notAnAction.issues[0]!.path).toBe('tour.steps[0].apply[0].do');
  });
});
