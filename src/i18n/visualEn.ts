/**
 * The strings of the canvas's drawn mechanics (moving messages, following one, publishing one,
 * binding keys, partition owners, breakers on edges, variant boxes), in English. Merged into
 * the interface dictionary (en.ts), so they are ordinary keys: the Spanish table must have them all.
 */
export const visualEn = {
  legendSlower: 'Hops are drawn slower than they happen (at least {ms} ms each); a number beside a shape counts the messages it stands for.',
  legendCommit: 'offset commit',
  legendFollowing: 'Following message #{id}',
  legendFollowingNamed: 'Following {type} #{id}',
  followRoutingKey: 'routing key {key}',
  followKey: 'key {key}',
  followStop: 'Stop following',
  followHint: 'Click a moving message to follow it.',
  followThis: 'Follow on the canvas',
  publishOne: 'Publish one',
  publishOneNamed: 'Publish one message from {name}',
  bindingKeyA11y: 'binding key {key}',
  routingKeyOf: 'routing key {key}',
  partitionOwner: 'P{n}: {owner}',
  partitionUnowned: 'P{n}: nobody',
  ownerLegend: 'Partition owners',
  committedVsPosition: 'committed {committed} · position {position}',
  edgeBreaker: 'breaker: {state}',
  groupBox: 'consumer group {group}',
  variantBox: 'Variant: {name}',
  fanOutCopy: 'its own copy',
  followFromQueue: 'Follow the next message waiting in {name}',
} as const;
