/** A stopwatch: a hop that holds messages for a while. */
export function DelayIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16">
      <circle cx="8" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M8 6v3l2 1.5M6.5 1.8h3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
