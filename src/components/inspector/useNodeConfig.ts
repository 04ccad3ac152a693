import { useState } from 'react';
import { controller } from '../../app/runtime';
import { useFrame } from '../panels/useFrame';

/**
 * A node's current settings as the running simulation has them (changed by edits, or by a
 * seek that re-ran to before an edit). Checked every frame by reference, which changes only
 * when a setting does, so React renders only then.
 */
export function useNodeConfig(id: string): Readonly<Record<string, unknown>> | undefined {
  const read = () => controller.simulation?.nodes.get(id)?.config as Readonly<Record<string, unknown>> | undefined;
  const [config, setConfig] = useState(read);
  useFrame(() => {
    const now = read();
    if (now !== config) setConfig(() => now);
  }, 0);
  return config;
}
