import { useEffect } from 'react';
import { addFollowedHop, useFollow } from '../../app/follow';
import { observers } from '../../app/observers';
import { controller } from '../../app/runtime';
import { useApp } from '../../store/appStore';

/**
 * Follow one message: picking a message in the event log follows it on the canvas (so does
 * clicking a moving one). Its path so far (every copy, retry, ack, dead letter) is lit and
 * the rest of the canvas fades; new hops join the path as they happen. Done with one style
 * element keyed on React Flow's `data-id`s, so no card or edge re-renders for it.
 */
export function FollowHighlight() {
  const lifeOf = useApp((s) => s.lifeOf);
  const root = useFollow((s) => s.root);
  const edges = useFollow((s) => s.edges);
  const nodes = useFollow((s) => s.nodes);
  const loadId = useApp((s) => s.loadId);
  useEffect(() => controller.follow(lifeOf), [lifeOf]);
  useEffect(() => () => controller.follow(null), [loadId]);
  useEffect(() => {
    if (root === null) return;
    // The hops it made before it was picked.
    for (const ev of observers.lives.get(root)?.steps ?? []) {
      if (ev.type === 'message.sent' || ev.type === 'signal.sent') addFollowedHop(ev.from, ev.to);
      else if ('node' in ev && typeof ev.node === 'string') addFollowedHop(ev.node, ev.node);
    }
  }, [root]);
  if (root === null) return null;
  const q = (s: string) => JSON.stringify(s);
  const rules = [
    '.flow .react-flow__node{opacity:.28;transition:opacity .25s}',
    '.flow .react-flow__edge{opacity:.18;transition:opacity .25s}',
    '.flow .edge-label{opacity:.3}',
    ...nodes.map((n) => `.flow .react-flow__node[data-id=${q(n)}]{opacity:1}`),
    // A reply travels its link backwards: light the link whichever way it was drawn.
    ...edges.flatMap((e) => [e, e.split('->').reverse().join('->')]).map(
      (e) => `.flow .react-flow__edge[data-id=${q(e)}]{opacity:1}.flow .react-flow__edge[data-id=${q(e)}] .flow-edge{stroke:#0f172a;stroke-width:3px}`,
    ),
  ];
  return <style data-testid="follow-style">{rules.join('\n')}</style>;
}
