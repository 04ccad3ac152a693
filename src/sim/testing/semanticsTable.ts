/** One row of SEMANTICS.md (or one this project added), and the tests that show it. */
export interface SemanticsRow {
  /** "§1" … "§8" as in SEMANTICS.md; "§+" for a row this project added. */
  section: string;
  /** The row's first cell (in §8, "system / behaviour"). */
  row: string;
  /** [file from the repository root, exact test title]. */
  tests: readonly (readonly [string, string])[];
  /** The branch or issue that owes this row its test; a listed todo, not a pass. */
  awaiting?: string;
}

const RMQ_Q = 'src/sim/models/rabbitmq/queue.test.ts';
const RMQ_EXP = 'src/sim/models/rabbitmq/queue-expiry.test.ts';
const RMQ_DL = 'src/sim/models/rabbitmq/queue-dead-letter.test.ts';
const RMQ_OUT = 'src/sim/models/rabbitmq/queue-outage.test.ts';
const RMQ_X = 'src/sim/models/rabbitmq/exchange.test.ts';
const RMQ_S = 'src/sim/models/rabbitmq/queue-semantics.test.ts';
const RMQ_NET = 'src/sim/models/rabbitmq/queue-network.test.ts';
const RMQ_PC = 'src/sim/models/rabbitmq/publisher-confirms.test.ts';
const CF = 'src/sim/models/core/confirm-frames.test.ts';
const K = 'src/sim/models/kafka/kafka.test.ts';
const KD = 'src/sim/models/kafka/kafka-delivery.test.ts';
const KR = 'src/sim/models/kafka/kafka-replay.test.ts';
const KA = 'src/sim/models/kafka/kafka-accounting.test.ts';
const KF = 'src/sim/models/kafka/kafka-fidelity.test.ts';
const KS = 'src/sim/models/kafka/kafka-semantics.test.ts';
const KP = 'src/sim/models/kafka/producer-retries.test.ts';
const PS = 'src/sim/models/pubsub/pubsub.test.ts';
const PSD = 'src/sim/models/pubsub/pubsub-durable.test.ts';
const WH = 'src/sim/models/webhook/webhook.test.ts';
const WS = 'src/sim/models/webhook/webhook-schedule.test.ts';
const WSIG = 'src/sim/models/webhook/webhook-signature.test.ts';
const RES = 'src/sim/models/http/resilience.test.ts';
const REST = 'src/sim/models/http/rest.test.ts';
const TH = 'src/sim/theory.test.ts';
const LB = 'src/sim/models/lb/load-balancer.test.ts';
const LEASE = 'src/sim/models/pubsub/lease-extension.test.ts';
const JS = 'src/sim/models/pubsub/jetstream.test.ts';
const IDEM = 'src/sim/models/http/idempotency.test.ts';

const SAGA = 'src/sim/models/saga/saga.test.ts';

/**
 * SEMANTICS.md row by row, each with the tests that show it: the table the semantics test
 * checks. Add a row here with its test when a behaviour is added to SEMANTICS.md or to microsim.
 */
export const SEMANTICS_ROWS: readonly SemanticsRow[] = [
  // ---- §1 RabbitMQ ----
  { section: '§1', row: 'Exchanges', tests: [
    [RMQ_X, 'a topic exchange sends order.eu.created to the queues bound with order.*.created, order.# and order.eu.*, not *.*.paid'],
    [RMQ_X, 'a fanout exchange gives every bound queue its own copy of each message, whatever the binding key'],
    [RMQ_X, 'a direct exchange routes only on an exact, case-sensitive match of the whole key'],
    [RMQ_X, '"#" alone binds everything, like a fanout, even the empty routing key'],
  ] },
  { section: '§1', row: 'Unroutable', tests: [
    [RMQ_X, 'a message no binding matches is published and then vanishes, dropped as unroutable'],
    [RMQ_X, 'an alternate exchange catches what no binding matches, so nothing is lost'],
    [RMQ_X, 'with mandatory, an unroutable message is returned to its publisher (basic.return), which learns it was not delivered'],
  ] },
  { section: '§1', row: 'Competing consumers', tests: [[RMQ_Q, '300 messages shared by 3 identical consumers: about 100 each, round-robin']] },
  { section: '§1', row: 'Prefetch (`basic.qos`)', tests: [[RMQ_Q, 'prefetch 3: a slow consumer never holds more than 3 unacked messages, and does hold 3 under load']] },
  { section: '§1', row: 'Auto-ack', tests: [[RMQ_Q, 'auto-ack: a consumer that goes offline loses every message it held, counted as dropped with the reason']] },
  { section: '§1', row: 'nack/reject', tests: [[RMQ_Q, 'a nack with requeue loops the message back until it succeeds; a nack to the dead-letter exchange parks it as rejected']] },
  { section: '§1', row: 'Consumer death', tests: [
    [RMQ_S, 'a consumer taking 35 min per message loses its channel at the first check past 30 min, and the message is redelivered'],
    [RMQ_Q, 'a consumer that goes offline mid-processing gets its unacked messages requeued, in order, to the other consumer, with no duplicate'],
    [RMQ_NET, 'a closed channel requeues what the consumer held unacked, marked redelivered'],
  ] },
  { section: '§1', row: 'TTL', tests: [[RMQ_EXP, 'an expired message behind a live one stays, and counts, until it reaches the head']] },
  { section: '§1', row: 'DLX triggers', tests: [
    [RMQ_DL, 'the dead-letter queue records why each message died: rejected, expired, maxlen'],
    [RMQ_DL, 'a dead letter takes the dead-letter routing key, and loses its per-message expiration on the way'],
    [RMQ_DL, 'a message dead-lettered back into the queue it expired in is dropped as a cycle'],
  ] },
  { section: '§1', row: 'Max length', tests: [
    [RMQ_EXP, 'drop-head (the default) keeps the newest 10 of 50 and drops the 40 oldest as maxlen'],
    [RMQ_EXP, 'reject-publish keeps the first 10 of 50 and turns the other 40 away'],
    [RMQ_EXP, 'reject-publish-dlx keeps the first 10 of 50 and dead-letters the other 40 as maxlen'],
    [RMQ_EXP, 'reject-publish-dlx on a quorum queue is refused at load, located, in both languages'],
  ] },
  { section: '§1', row: 'Durability', tests: [
    [RMQ_S, 'durable queue, persistent messages: all 100 are still there after the restart and get processed'],
    [RMQ_S, 'durable queue, transient messages (the AMQP default): the restart discards all 100'],
    [RMQ_S, 'a transient queue loses even persistent messages; a quorum queue keeps even transient ones'],
    [RMQ_S, 'unacked persistent deliveries come back redelivered; a consumer mid-message finishes it and its ack is stale'],
  ] },
  { section: '§1', row: 'Quorum delivery-limit', tests: [
    [RMQ_Q, 'a quorum queue stops a poison message after 21 deliveries (its default limit of 20, RabbitMQ 4.0); a classic queue never does'],
  ] },
  { section: '§1', row: 'Publisher confirms', tests: [
    [RMQ_PC, 'a persistent message in a durable queue is acked when its 200 ms fsync batch ends; a transient one as soon as the queue takes it'],
    [RMQ_PC, 'the producer waits when its window of unconfirmed publishes is full, and goes on as confirms come back'],
    [RMQ_PC, 'a full reject-publish queue nacks the publish and the producer publishes it again: nothing is lost'],
    [RMQ_PC, 'an unroutable message is acked at once; a fanout publish is acked when every queue has it, nacked if one refuses'],
    [CF, 'persistent messages confirmed per 200 ms fsync batch: one basic.ack multiple per batch, not one row per message'],
    [CF, 'a full reject-publish queue: each refused publish is a basic.nack with the reason, then published again 100 ms later as a new message'],
    [CF, 'a broker that is offline nacks: the reason says which node and why'],
  ] },

  // ---- §2 Kafka ----
  { section: '§2', row: 'Partitioning', tests: [
    [K, 'a key always lands on the same partition, toPositive(murmur2(key)) % n, and 50 keys use all 4 partitions'],
    [K, 'records without a key stick to one partition for 16 records, then move on, so 480 records spread 160 to each of 3'],
  ] },
  { section: '§2', row: 'Ordering', tests: [[K, 'order holds within a partition and not across partitions']] },
  { section: '§2', row: 'Consumer groups', tests: [
    [K, '3 partitions and 5 consumers in one group: each partition has exactly one consumer and 2 sit idle'],
    [K, 'two consumer groups each get every record'],
  ] },
  { section: '§2', row: 'Offsets', tests: [
    [KF, 'by default (latest) a group that joins late starts at the log end: it skips the 300 records before it'],
    [KD, 'at-least-once: a consumer that crashes between processing and its next auto-commit reprocesses those records as duplicates'],
  ] },
  { section: '§2', row: 'Delivery semantics', tests: [
    [KD, 'at-least-once: a consumer that crashes between processing and its next auto-commit reprocesses those records as duplicates'],
    [KD, 'at-most-once: a consumer that crashes loses the records it committed and had not processed, and processes nothing twice'],
    [KP, 'a 60 s outage at 10 records/s: all 749 records are appended, late, in publication order per partition, and processed once'],
  ] },
  { section: '§2', row: 'Retention', tests: [
    [KR, 'retention deletes old records but consumption deletes none; a group that never read them loses them'],
    [KR, "resetting a group's offsets to the earliest replays every record for that group only"],
  ] },
  { section: '§2', row: 'Lag', tests: [[KA, 'every copy is in exactly one state after every event, and group lag is log end minus committed, on 120 random runs']] },
  { section: '§2', row: 'Failure detection / rebalance', tests: [
    [KD, "a member offline: its partitions' lag grows, after the session timeout they move to the other member, and the lag drains"],
    [KD, 'a clean leave rebalances at once, without waiting for the session timeout, and duplicates nothing'],
  ] },
  { section: '§2', row: 'Consumer outage', tests: [
    [KD, 'THE OUTAGE TEST: 10 msg/s, one consumer of 20/s offline from 10 s to 20 s: lag peaks near 100 and is near zero again by about 30 s'],
  ] },

  // ---- §3 Pub/sub generally ----
  { section: '§3', row: 'Google Pub/Sub', tests: [
    [PSD, 'redelivers a message whose ack deadline passes; the first copy, acked late, makes a duplicate'],
    [PSD, 'dead-letters a message after 5 delivery attempts (the default) when every attempt is nacked'],
    [PS, 'a topic with no subscription loses everything published to it, counted as "no subscription"'],
    [PSD, 'keeps what is published while its subscriber is offline and delivers all of it when the subscriber returns'],
  ] },
  { section: '§3', row: 'Redis Pub/Sub', tests: [[PS, 'loses what is published while its subscriber is away, counted with the reason']] },
  { section: '§3', row: 'NATS core', tests: [[PS, 'loses what is published while its subscriber is away, counted with the reason']] },
  { section: '§3', row: 'NATS JetStream', tests: [
    [JS, 'takes the JetStream defaults (AckWait 30 s, MaxDeliver unlimited, MaxAckPending 1000); a value the scenario sets wins'],
    [JS, 'an unacked message is redelivered after AckWait 30 s (Google Pub/Sub: 10 s)'],
    [JS, 'a BackOff list overrides AckWait: redeliveries after 1 s, then 5 s, then 5 s again'],
    [JS, 'a nak redelivers at once, and with MaxDeliver unlimited a failing message is never given up'],
    [JS, 'past a MaxDeliver the scenario sets, the message stays in the stream, not lost and not delivered again'],
    [JS, 'MaxAckPending caps the unacked messages across every subscriber of the consumer'],
  ] },

  // ---- §4 Webhooks (one row per aspect, every provider in it) ----
  { section: '§4', row: 'Success', tests: [[WH, 'a receiver that always fails (500) is retried on the schedule, then the delivery is dead-lettered']] },
  { section: '§4', row: 'Timeout', tests: [
    [WH, 'an attempt unanswered within the timeout fails as a timeout and is retried'],
    [WS, 'GitHub does not retry and waits 10 s'],
  ] },
  { section: '§4', row: 'Auto retries', tests: [
    [WS, 'Svix tries 8 times: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after each failure (≈27.6 h)'],
    [WS, 'Stripe backs off exponentially and gives up within 3 days'],
    [WS, 'Shopify retries 8 times over about 4 hours (9 attempts in all; issue 9, defect 10), with a 5 s timeout, and drops the endpoint once they all fail'],
  ] },
  { section: '§4', row: 'Endpoint disabling', tests: [
    [WH, 'Svix disables an endpoint that has failed every attempt for 5 days: 432 s at 1/1000 speed'],
    [WH, 'Shopify drops an endpoint once a delivery has failed its 9 tries, 8 of them retries (at 1/1000 speed)'],
  ] },
  { section: '§4', row: 'Signature', tests: [
    [WSIG, 'equal the header node:crypto computes, and check the timestamp inside the header (300 s)'],
    [WSIG, 'are accepted by the receiver within ±5 minutes and rejected as stale or early outside'],
  ] },
  { section: '§4', row: 'Dedup key', tests: [
    [WH, 'every delivery carries the same id on every retry'],
    [WH, 'with dedupe, the retry is answered 200 from memory without processing it again'],
  ] },

  // ---- §5 REST between services ----
  { section: '§5', row: 'Backoff (AWS)', tests: [
    [RES, 'full jitter draws uniformly below the exponential curve, so its mean is half of it'],
    [RES, 'equal jitter keeps at least half of the exponential wait'],
    [RES, 'decorrelated jitter draws between the base and three times the previous wait, never past the cap'],
  ] },
  { section: '§5', row: 'Circuit breaker (R4J)', tests: [
    [RES, 'has resilience4j defaults: 50 %, window 100, minimum 100 calls, 60 s open, 10 trial calls'],
    [RES, 'lets exactly the permitted trial calls through when half-open, then closes if they succeed'],
    ['src/sim/models/http/rest-protection.test.ts', 'opens after the minimum number of failed calls; while open, calls fail fast without touching the network'],
  ] },
  { section: '§5', row: 'Retry (R4J)', tests: [[RES, 'defaults to resilience4j: 3 attempts, a fixed 500 ms wait, no jitter (SEMANTICS §5, R4J RetryConfig)']] },
  { section: '§5', row: 'Timeout (R4J)', tests: [[REST, 'with the host unreachable instead, the calls time out after the caller\\u2019s 1 s timeout']] },
  { section: '§5', row: 'Bulkhead (R4J)', tests: [
    [RES, 'admits up to its limit at once and rejects the rest without waiting'],
    ['src/sim/models/http/rest-protection.test.ts', 'with a bulkhead of 4 per dependency, the healthy dependency keeps succeeding quickly while the other hangs'],
  ] },
  { section: '§5', row: 'Cascading failure', tests: [
    ['src/sim/models/http/rest-protection.test.ts', 'without protection, B’s slots fill, then A’s, and A stops serving even the healthy pages'],
    [REST, 'a retry budget of 10 % keeps retries near a tenth of the calls while the dependency is down'],
  ] },
  { section: '§5', row: 'Load balancing', tests: [
    [LB, 'round robin gives each of 3 healthy replicas a third: 300 requests → 100 each, all answered 200'],
    [LB, 'a replica 20× slower keeps a third of the load under round robin, but gets far less under least outstanding and power of two'],
    [LB, 'with outlier detection, 5 failures in a row eject it for 30 s; the load moves to its peers, then it is tried again'],
  ] },

  // ---- §6 Orchestration vs choreography ----
  { section: '§6', row: 'Flow (Create Order)', tests: [
    [SAGA, 'sends ReserveCredit, ReserveStock, ChargePayment one at a time, each after the previous reply, and completes'],
    [SAGA, 'a refusal at step 3 compensates step 2, then step 1, in reverse order; the refused step itself is not compensated'],
    [SAGA, 'a refusal at step 2 undoes step 1 only; a refusal at step 1 has nothing to undo'],
    [SAGA, 'a business refusal (CreditLimitExceeded) is an answer, not an error: it is never retried'],
    [SAGA, 'a compensation is a new business action, retried like a command: a refund sent while customers is down goes through when it is back'],
    [SAGA, 'mid-compensation the saga is visible as partially compensated: stock released, credit not yet'],
    [SAGA, 'with 10 % of credit checks refused, about 10 % of 200 orders are compensated and the rest complete; every message ends once'],
  ] },
  { section: '§6', row: 'Trade-off', tests: [
    [SAGA, 'the flow lives in one place: every command is sent by the orchestrator, and reordering its steps reorders the commands with no participant changed'],
  ] },
  { section: '§6', row: 'Source', tests: [
    [SAGA, "defaults are Temporal's: retries from 1 s, ×2, capped at 100 × 1 s, unlimited attempts; compensations one at a time, last first"],
    [SAGA, 'a transient failure is retried after 1 s, 2 s, 4 s, … doubling, capped at 100 s'],
    [SAGA, 'attempts are unlimited by default: a participant down for 10 minutes is retried until it is back, and the saga completes'],
    [SAGA, 'maximumAttempts is honoured: with 3, ReserveStock fails after its third attempt and ReleaseCredit undoes step 1'],
    [SAGA, 'with maximumAttempts, a compensation that fails for good stops the saga (continueWithError=false): it fails, nothing else is undone'],
  ] },

  // ---- §7 Queueing-theory checks ----
  { section: '§7', row: 'M/M/1', tests: [[TH, 'M/M/1 at 8/s with service at 10/s: 3.2 messages wait on average, each for 0.4 s']] },
  { section: '§7', row: 'M/M/c', tests: [[TH, 'M/M/c at 15/s with two consumers at 10/s each: 1.929 wait on average, each for 0.1286 s (Erlang C)']] },
  { section: '§7', row: "Little's law", tests: [[TH, "Little's law holds on a stable run: mean number in the system = arrival rate × mean time in it"]] },
  { section: '§7', row: 'Outage T', tests: [
    [KD, 'THE OUTAGE TEST: 10 msg/s, one consumer of 20/s offline from 10 s to 20 s: lag peaks near 100 and is near zero again by about 30 s'],
    [RMQ_OUT, 'THE OUTAGE TEST: 10 msg/s, one consumer of 20/s offline from 10 s to 20 s: the backlog peaks near 100 and is near zero again by about 30 s'],
  ] },

  // ---- §8 Additions ----
  { section: '§8', row: 'Kafka consumer / Fetching in batches', tests: [
    [KF, 'a one-partition topic behind a 20 ms link keeps up with 40 records/s at 5 ms each'],
    [KF, 'max.poll.records caps a batch: a backlog of 1,000 arrives in polls of at most 500 (and of 10 when set)'],
  ] },
  { section: '§8', row: 'Kafka consumer / Too slow between polls', tests: [
    [KF, 'a member that spends longer than max.poll.interval.ms (300 s) on one poll leaves the group, which rebalances'],
  ] },
  { section: '§8', row: 'Kafka consumer / A lost fetch', tests: [
    [KF, 'at-least-once over a link losing 30% of crossings: every record is processed, once, in offset order'],
  ] },
  { section: '§8', row: 'Kafka consumer / Restart without `group.instance.id`', tests: [
    [KD, 'a dynamic member (the default) restarted within the session timeout rejoins with a new member id and the group rebalances'],
    [KD, 'a static member (groupInstanceId) restarted within the session timeout resumes its partitions without a rebalance'],
  ] },
  { section: '§8', row: 'Kafka broker / First rebalance of a new group', tests: [
    [KS, 'by default the first member waits, the second restarts the wait, and one rebalance at 16 s gives each a partition'],
    [KS, 'with the delay at 0 each member that joins costs a rebalance of its own'],
  ] },
  { section: '§8', row: 'Kafka producer / Retries', tests: [
    [KP, 'a 60 s outage at 10 records/s: all 749 records are appended, late, in publication order per partition, and processed once'],
    [KP, 'a 200 s outage: records older than 120 s when it ends fail at the producer with the reason, the rest arrive'],
    [KP, 'a 30 s partition of the producer→topic link loses no records: they arrive when it heals, in order per partition, processed once'],
    [KP, 'a lossy producer link (20 % loss) loses nothing either: lost requests are sent again'],
    [KP, 'a partition longer than delivery.timeout.ms fails the records older than 120 s, with the reason'],
    [KP, 'a 150 s partition: each record still kept fails at its own send + 120 s (its producer timer, KIP-91), not when the link heals'],
    [KP, 'idempotence on (the default): every record once, in the order it was published, though about 50 were retried'],
    [KP, 'idempotence off with 5 requests in flight: the records sent while one was retried overtake it'],
  ] },
  { section: '§8', row: 'RabbitMQ / Consumer acks too slowly', tests: [
    [RMQ_S, 'a consumer taking 35 min per message loses its channel at the first check past 30 min, and the message is redelivered'],
    [RMQ_S, 'a consumer taking 20 min never hits it; with consumerTimeoutMs 0 not even a 35 min one does'],
  ] },
  { section: '§8', row: 'RabbitMQ / Connection faults', tests: [
    [RMQ_NET, 'prefetch ${prefetch}, partition of ${seconds} s: nothing is lost, nothing stays unacked, delivery resumes after the heal'],
    [RMQ_NET, 'a lossy consumer link (20% loss) loses no delivery and no ack: TCP retransmits, only latency grows'],
  ] },
  { section: '§8', row: 'Google Pub/Sub / No dead-letter topic', tests: [
    [PSD, 'without a dead-letter topic there is no dead-letter policy: a nacked message is redelivered until retention ends'],
  ] },
  { section: '§8', row: 'Google Pub/Sub / Dead-letter policy', tests: [
    [PSD, 'dead-letters a message after 5 delivery attempts (the default) when every attempt is nacked'],
    [PSD, 'forwards dead letters to a dead-letter topic, whose own subscriber processes them'],
  ] },
  { section: '§8', row: 'Google Pub/Sub / Retry policy', tests: [[PSD, 'a retry policy spaces redeliveries exponentially from 10 s up to 600 s']] },
  // ---- rows this project added (not in SEMANTICS.md) ----
  { section: '§+', row: 'Kafka consumer / A poison record (cannot be deserialized)', tests: [
    [KS, 'without a dead-letter topic every poll fails on it: its partition is stuck at offset 99 for good and the lag grows to 501'],
    [KS, 'the usual cure, a dead-letter topic: the error handler publishes the 6 poison records there and the partition moves on'],
  ] },
  { section: '§+', row: 'Kafka consumer / Retry topic and dead-letter topic (Spring Kafka)', tests: [
    [KS, 'failing processing with a retry topic and a dead-letter topic: a failure never holds its partition up, 3 more tries, then the DLT'],
  ] },
  { section: '§8', row: 'Google Pub/Sub / Lease extension', tests: [
    [LEASE, 'without it, 25 s of work against a 10 s deadline expires the lease: redelivered and processed twice'],
    [LEASE, 'past the maximum extension the lease expires all the same: 15 s of extension for 25 s of work'],
  ] },
  { section: '§8', row: 'Stripe API / Idempotency keys', tests: [
    [IDEM, 'the answer is lost and the POST retried: without keys the payment is charged twice'],
    [IDEM, 'the same with keys: charged once, and the retry gets the stored 200 back (counted suppressed, not processed)'],
  ] },
];
