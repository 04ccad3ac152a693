import { ms, producer } from '../../testing/harness';

// Shared by the webhook tests: the three nodes of the usual "order paid" webhook scenario.

/** The webhook sender "orders"; `extra` adds or overrides fields (retry, signature, …). */
export const orders = (extra: object = {}) => ({ id: 'orders', kind: 'webhook-sender', ...extra });

/** The receiver "shipping", 10 ms per event unless `extra` says otherwise. */
export const shipping = (extra: object = {}) => ({ id: 'shipping', kind: 'webhook-receiver', serviceTime: ms(10), ...extra });

/** The producer "checkout": order.paid at a steady 10 per second unless `extra` says otherwise. */
export const checkout = (extra: object = {}) => producer('checkout', 10, { eventType: 'order.paid', ...extra });
