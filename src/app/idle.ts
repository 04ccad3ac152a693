/**
 * Resolves at the browser's next idle moment, at most `timeoutMs` away (a task after this one
 * where there is no requestIdleCallback). What the first screen does not need waits for it, so
 * that on a slow phone it runs in a task of its own after hydration's, not inside it.
 */
export function whenIdle(timeoutMs = 500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/** A turn of the event loop: what follows runs in a task of its own. */
export const nextTask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
