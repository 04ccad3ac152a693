/**
 * A small comparison of the user's own, as a file, a paste or a link carries it: two services
 * (one constant, one random), two patterns, named in both languages. Comparison tests spread it
 * and change one field to show a refusal.
 */
export const MY_COMPARISON = {
  id: 'mine',
  title: { en: 'Mine', es: 'La mía' },
  compare: 'patterns',
  producer: { label: 'Checkout', ratePerSec: 5, eventType: 'Paid' },
  services: [
    { id: 'ledger', label: 'Ledger', serviceTime: { dist: 'constant', ms: 20 } },
    { id: 'mailer', label: 'Mailer', serviceTime: { dist: 'exponential', meanMs: 50 } },
  ],
  patterns: ['queue', 'rest'],
};
