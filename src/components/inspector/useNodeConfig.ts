import { useApp } from '../../store/appStore';

/**
 * A node's current settings as the run has them (changed by edits, or by a seek that re-ran to
 * before an edit), from the controller's published snapshot: React renders only when they change.
 */
export function useNodeConfig(id: string): Readonly<Record<string, unknown>> | undefined {
  return useApp((s) => s.configs[id]) as Readonly<Record<string, unknown>> | undefined;
}
