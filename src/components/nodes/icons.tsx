/** Small line icons for node cards, one per family; decorative (aria-hidden by the card). */
export function ProducerIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16">
      <path d="M2 8h8M7 4.5 10.5 8 7 11.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="13" cy="8" r="1.6" fill="currentColor" />
    </svg>
  );
}

/** A stack of messages. */
export function QueueIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16">
      <rect x="2" y="3" width="12" height="3" rx="1" fill="currentColor" />
      <rect x="2" y="7" width="12" height="3" rx="1" fill="currentColor" opacity=".6" />
      <rect x="2" y="11" width="12" height="3" rx="1" fill="currentColor" opacity=".3" />
    </svg>
  );
}

/** A server. */
export function ServiceIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16">
      <rect x="2.5" y="2.5" width="11" height="11" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M5.5 6.5h5M5.5 9.5h3" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** Anything else. */
export function GenericIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16">
      <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <circle cx="8" cy="8" r="1.8" fill="currentColor" />
    </svg>
  );
}
