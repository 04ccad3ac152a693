import type { Scenario, ScenarioAction } from '../sim/engine/scenario';
import type { RecordedAction } from '../sim/engine/simulation';

/**
 * The scenario as shown, as a file: the scenario with this run's seed, and the actions taken
 * while running (switches, slow mode, inspector edits) added to its timed actions at the
 * moments they were taken. Opening the file gives back this same document.
 */
export function exportDocument(scenario: Scenario, seed: number, recorded: readonly RecordedAction[], schemaUrl?: string): Scenario {
  const taken: ScenarioAction[] = recorded.map(({ step: _step, ...action }) => action as ScenarioAction);
  // Stable sort: actions at the same moment keep their order (scenario first, then as taken).
  const actions = [...scenario.actions, ...taken].map((a, i) => [a, i] as const).sort((x, y) => x[0].at - y[0].at || x[1] - y[1]).map(([a]) => a);
  const { $schema: _old, ...rest } = scenario;
  return { ...(schemaUrl ? { $schema: schemaUrl } : {}), ...rest, seed, actions };
}

/** The file's text: two-space JSON with a final newline. */
export function exportText(doc: Scenario): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Downloads `doc` as `<id>.json`. */
export function download(doc: Scenario): void {
  const url = URL.createObjectURL(new Blob([exportText(doc)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${doc.id}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
