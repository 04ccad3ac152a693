import { memo, useLayoutEffect, useRef, useState, type HTMLAttributes } from 'react';
import { frameStore, type FrameState } from '../store/frameStore';

/** Props: how to turn the frame state into text, plus the element's own attributes. */
export interface LiveTextProps extends HTMLAttributes<HTMLSpanElement> {
  /** Must be stable across renders (module scope or memoized) unless the text's inputs change. */
  format: (f: FrameState) => string;
}

/**
 * Text that changes every frame (the clock, the counters), written straight into the DOM from
 * a frame-store subscription: React renders it once, never per frame. The first text is written
 * before the browser paints (a layout effect): an empty span painted first and filled a moment
 * later grew the controls by a line on phones, a layout shift (CLS 0.149 in Lighthouse). The
 * first text is also rendered as the span's content, so the prerendered first screen (index.html,
 * scripts/prerender-app.tsx) has it before any script runs; hydration keeps it whatever the frame
 * state has become by then (the layout effect writes the current text right after).
 */
export const LiveText = memo(function LiveText({ format, ...rest }: LiveTextProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [first] = useState(() => format(frameStore.getState()));
  useLayoutEffect(() => {
    const el = ref.current!;
    let last = '';
    const write = (f: FrameState) => {
      const text = format(f);
      if (text !== last) el.textContent = last = text;
    };
    write(frameStore.getState());
    return frameStore.subscribe(write);
  }, [format]);
  return (
    <span ref={ref} {...rest} suppressHydrationWarning>
      {first}
    </span>
  );
});
