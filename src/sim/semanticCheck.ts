import { phrase, type Lang, type ScenarioIssue } from './engine/errors';
import type { BaseNodeConfig } from './engine/node';
import { formatPath, type Scenario } from './engine/scenario';
import { checkCommand, checkPatch } from './engine/actionCheck';
import type { Catalog } from './engine/kind';
import { scenarioNodeIssues } from './nodeCheck';
import { cycleIssues } from './topologyCheck';

/**
 * What a scenario's shape cannot say: every settings patch and command in its actions checked
 * against the node's own schema (in order, each on the config the earlier ones left), partitions
 * only between linked nodes, node settings that must decode, and topologies that can never make
 * progress. The catalog hands it to the scenario parser (the engine knows no model).
 */
export const semanticIssues = (catalog: Catalog) => (s: Scenario, lang: Lang): ScenarioIssue[] => {
  const where = (i: number) => formatPath(['nodes', i], s);
  const issues = scenarioNodeIssues(s.nodes, lang, where);
  issues.push(...cycleIssues(s.nodes, s.links, lang));
  const configs = new Map(s.nodes.map((n) => [n.id, n as BaseNodeConfig]));
  const linked = new Set(s.links.map((l) => `${l.from}\u0000${l.to}`));
  const order = s.actions.map((a, i) => ({ a, i })).sort((x, y) => x.a.at - y.a.at || x.i - y.i);
  for (const { a, i } of order) {
    if (a.do === 'configure') {
      const checked = checkPatch(catalog, configs.get(a.node)!, a.patch, lang);
      if (checked.ok) configs.set(a.node, checked.config);
      else issues.push({ path: `actions[${i}].patch`, message: checked.message });
    } else if (a.do === 'command') {
      const problem = checkCommand(catalog, configs.get(a.node)!, a.command, a.args, lang);
      if (problem) issues.push({ path: `actions[${i}].command`, message: problem });
    } else if ((a.do === 'partition' || a.do === 'heal') && !linked.has(`${a.from}\u0000${a.to}`)) {
      issues.push({ path: `actions[${i}]`, message: phrase(lang, 'notLinked', { from: a.from, to: a.to }) });
    }
  }
  // A tour's own settings changes, each against the node's settings as the file gives them.
  s.tour?.steps.forEach((step, i) =>
    step.apply?.forEach((a, j) => {
      if (a.do !== 'configure' || !configs.has(a.node)) return;
      const checked = checkPatch(catalog, s.nodes.find((n) => n.id === a.node) as BaseNodeConfig, a.patch, lang);
      if (!checked.ok) issues.push({ path: `tour.steps[${i}].apply[${j}].patch`, message: checked.message });
    }),
  );
  return issues;
};
