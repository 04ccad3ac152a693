import { M } from '../../app/motionLazy';
import { useState } from 'react';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';

/** A number that pops when it rises (a backlog building up) and settles when it falls. */
export function AnimatedCount({ value, className }: { value: number; className?: string }) {
  const { lang } = useT();
  // The previous value, kept as state so the comparison happens during render (React's pattern).
  const [prev, setPrev] = useState(value);
  const [rising, setRising] = useState(false);
  if (value !== prev) {
    setPrev(value);
    setRising(value > prev);
  }
  return (
    <M.span
      key={rising ? `up-${value}` : 'steady'}
      className={className}
      initial={rising ? { scale: 1.2, color: '#b45309' } : false}
      animate={{ scale: 1, color: '#0f172a' }}
      transition={{ duration: 0.35 }}
    >
      {formatNumber(value, lang)}
    </M.span>
  );
}
