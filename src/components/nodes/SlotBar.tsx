import { M } from '../../app/motionLazy';

/** Up to this many slots are drawn one by one; more become a meter. */
const MAX_BOXES = 6;

/** A service's concurrency: a row of slots with the busy ones filled, or a meter when there are many. */
export function SlotBar({ busy, total }: { busy: number; total: number }) {
  if (total > MAX_BOXES) {
    return (
      <span className="meter" aria-hidden="true">
        <M.span className="meter__fill" initial={false} animate={{ width: `${(100 * busy) / total}%` }} transition={{ duration: 0.15 }} />
      </span>
    );
  }
  return (
    <span className="slots" aria-hidden="true">
      {Array.from({ length: total }, (_, i) => (
        <span key={i} className={`slot${i < busy ? ' slot--busy' : ''}`} />
      ))}
    </span>
  );
}
