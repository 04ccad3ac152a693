import { defineKind } from '../../engine/kind';
import { Topic, topicSchema, type PubSubTrace } from './pubsub';
import { Subscription, subscriptionSchema, type SubscriptionConfig } from './subscription';

/** `pubsub-topic`: copies each message to every subscription attached to it. */
export const pubsubTopicKind = defineKind(topicSchema, (sim, config) => new Topic(sim, config), {
  role: 'broker',
  backlog: 'none',
  traceTypes: [],
});

/** `subscription`: holds a topic's copies for its subscribers, with ack deadlines. */
export const subscriptionKind = defineKind(subscriptionSchema, (sim, config) => new Subscription(sim, config as SubscriptionConfig), {
  role: 'broker',
  backlog: 'queued',
  traceTypes: ['pubsub.ack_deadline_expired', 'pubsub.late_ack', 'pubsub.subscribed', 'pubsub.unsubscribed', 'pubsub.deadline_extended'],
});

/** The publish/subscribe kinds. */
export const pubsubKinds = [pubsubTopicKind, subscriptionKind] as const;

export type { PubSubTrace };
