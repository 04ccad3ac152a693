import { localize } from '../../i18n/localize';
import { useApp } from '../../store/appStore';
import type { NodeLive } from '../../store/slices/liveSlice';
import type { NodeConfig } from '../../sim/engine/scenario';

/** This node's own live figures (never another node's): re-renders only when they change. */
export function useNodeLive(id: string): NodeLive | undefined {
  return useApp((s) => s.live[id]);
}

/** The node's label in the current language, its id when it has none. */
export function useNodeLabel(config: NodeConfig): string {
  const lang = useApp((s) => s.lang);
  return localize(config.label, lang, config.id);
}
