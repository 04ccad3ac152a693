/** Three steps in a row with a way back: a saga and its compensations. */
export function SagaIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16">
      <circle cx="3" cy="5" r="1.8" fill="currentColor" />
      <circle cx="8" cy="5" r="1.8" fill="currentColor" />
      <circle cx="13" cy="5" r="1.8" fill="currentColor" />
      <path d="M13 9.5c0 2.5-2 3.5-5 3.5s-5-1-5-3.5M3 9.5l-1.5 1.6M3 9.5l1.6 1.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}
