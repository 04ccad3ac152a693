import { useEffect, useRef } from 'react';
import { controller } from '../../app/runtime';

/**
 * Calls `callback` after the controller's frame, at most once per `everyMs` of wall time
 * (and on the first frame): the transient way to follow per-frame data. Whatever it does
 * with React state decides how often React renders; writing into refs renders nothing.
 */
export function useFrame(callback: (now: number) => void, everyMs: number): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    let last = -Infinity;
    return controller.onFrame((now) => {
      const wall = performance.now();
      if (wall - last < everyMs) return;
      last = wall;
      latest.current(now);
    });
  }, [everyMs]);
}
