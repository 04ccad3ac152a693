import { checkCommand, checkPatch } from './actionCheck';
import { LimitError } from './limits';
import type { ActionSpec } from './scenario';
import type { Simulation } from './simulation';

/**
 * Throws a LimitError (bilingual, located by the node) for an action the engine must not
 * apply: a settings patch its kind's schema refuses, an unknown command, a partition of a
 * link that does not exist. A refused UI action changes nothing; a refused scheduled or
 * recorded one stops the run.
 */
export function refuseBadAction(sim: Simulation, a: ActionSpec): void {
  const node = 'node' in a ? sim.nodes.get(a.node) : undefined;
  if ('node' in a && !node) throw LimitError.of('unknownNode', { id: a.node });
  if (a.do === 'configure') {
    const en = checkPatch(sim.catalog, node!.config, a.patch, 'en');
    const es = en.ok ? en : checkPatch(sim.catalog, node!.config, a.patch, 'es');
    if (!en.ok && !es.ok) throw new LimitError({ en: en.message, es: es.message });
  } else if (a.do === 'command') {
    const en = checkCommand(sim.catalog, node!.config, a.command, a.args, 'en');
    const es = en === undefined ? undefined : checkCommand(sim.catalog, node!.config, a.command, a.args, 'es');
    if (en !== undefined && es !== undefined) throw new LimitError({ en, es });
  } else if ((a.do === 'partition' || a.do === 'heal') && !sim.link(a.from, a.to)) {
    throw LimitError.of('notLinked', { from: a.from, to: a.to });
  }
}

/** Applies a checked action (see refuseBadAction) now, and traces what it changed. */
export function applyAction(sim: Simulation, a: ActionSpec): void {
  switch (a.do) {
    case 'online':
    case 'offline': {
      const node = sim.node(a.node);
      const on = a.do === 'online';
      if (node.online === on) return;
      node.applyOnline(on);
      sim.emit({ type: on ? 'node.online' : 'node.offline', t: sim.now, node: node.id });
      return;
    }
    case 'slow':
      sim.node(a.node).slowFactor = a.factor;
      sim.emit({ type: 'node.configured', t: sim.now, node: a.node, patch: { slowFactor: a.factor } });
      return;
    case 'configure': {
      // Checked by refuseBadAction; applied as parsed, defaults filled in.
      const node = sim.node(a.node);
      const checked = checkPatch(sim.catalog, node.config, a.patch, 'en');
      if (!checked.ok) return;
      node.configure(checked.patch);
      sim.emit({ type: 'node.configured', t: sim.now, node: a.node, patch: checked.patch });
      return;
    }
    case 'partition':
    case 'heal': {
      const link = sim.link(a.from, a.to);
      if (!link) throw new Error(`no link ${a.from} -> ${a.to}`);
      const partitioned = a.do === 'partition';
      if (link.partitioned === partitioned) return;
      link.partitioned = partitioned;
      sim.emit({ type: 'node.configured', t: sim.now, node: a.from, patch: { partitioned: link.partitioned, to: a.to } });
      if (!partitioned) link.heal();
      link.from.linkChanged(link);
      link.to.linkChanged(link);
      return;
    }
    case 'command':
      sim.node(a.node).command(a.command, a.args ?? {});
      return;
  }
}
