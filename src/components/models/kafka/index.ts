import type { KafkaTrace } from '../../../sim/models/kafka';
import { rec } from '../../nodes/read';
import { QueueIcon } from '../../nodes/icons';
import type { FamilyUi } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { TOPIC_FIELDS } from './fields';
import { KafkaTopicNode } from './KafkaTopicNode';
import type { PhraseKey } from './phrases';

const say = phrasebook<PhraseKey>('kafka');

/** Kafka: topics with partitions and consumer groups. */
export const kafkaUi: FamilyUi<KafkaTrace> = {
  family: 'kafka',
  kinds: [
    {
      kind: 'topic', card: KafkaTopicNode, icon: QueueIcon, accent: 'broker',
      name: { en: 'Kafka topic', es: 'tema de Kafka' }, fields: TOPIC_FIELDS,
      // One lag line per consumer group.
      chart: (first) =>
        Object.keys(rec(first, 'groups') ?? {}).map((group) => ({
          measure: 'lag' as const,
          group,
          read: (_, stats) => rec<{ totalLag?: { now: number } }>(stats(), 'groups')?.[group]?.totalLag?.now ?? NaN,
        })),
    },
  ],
  traces: {
    'kafka.rebalance_started': { log: 'system', say: (ev, n) => say(n, 'rebalanceStarted', { node: n.name(ev.node), group: ev.group, reason: n.reason(ev.reason) }) },
    'kafka.rebalance_finished': { log: 'system', say: (ev, n) => say(n, 'rebalanceFinished', { node: n.name(ev.node), group: ev.group, pause: n.dur(ev.pauseMs) }) },
    'kafka.partitions_assigned': {
      log: 'system',
      say: (ev, n) => say(n, 'assigned', { node: n.name(ev.node), group: ev.group, member: n.name(ev.member), partitions: n.list(ev.partitions) }),
    },
    'kafka.partitions_revoked': {
      log: 'system',
      say: (ev, n) => say(n, 'revoked', { node: n.name(ev.node), group: ev.group, member: n.name(ev.member), partitions: n.list(ev.partitions) }),
    },
    'kafka.member_joined': { log: 'system', say: (ev, n) => say(n, 'joined', { node: n.name(ev.node), group: ev.group, member: n.name(ev.member) }) },
    'kafka.member_removed': {
      log: 'system',
      say: (ev, n) => say(n, 'removed', { node: n.name(ev.node), group: ev.group, member: n.name(ev.member), reason: n.reason(ev.reason) }),
    },
    'kafka.member_resumed': {
      log: 'system',
      say: (ev, n) => say(n, 'resumed', { node: n.name(ev.node), group: ev.group, member: n.name(ev.member), partitions: n.list(ev.partitions) }),
    },
    'kafka.offsets_committed': { log: 'system', say: (ev, n) => say(n, 'committed', { node: n.name(ev.node), group: ev.group, offsets: n.list(ev.offsets) }) },
    'kafka.offsets_reset': {
      log: 'system',
      say: (ev, n) => say(n, 'offsetsReset', { node: n.name(ev.node), group: ev.group, offsets: n.list(ev.offsets), reason: n.reason(ev.reason) }),
    },
    'kafka.poll_failed': {
      log: 'failure',
      say: (ev, n) => say(n, 'pollFailed', { node: n.name(ev.node), group: ev.group, member: n.name(ev.member), partition: ev.partition, offset: ev.offset }),
    },
    'kafka.retention_deleted': { log: 'system', say: (ev, n) => say(n, 'retention', { node: n.name(ev.node), count: ev.count, partition: ev.partition }) },
  },
};
