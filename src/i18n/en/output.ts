import type { Area } from '../catalog.js';

/**
 * English messages: output (see src/i18n/README.md). Status lines, delivery reports and summaries,
 * consume's status and summary, check's verdict, tables and inspection, and the messages the
 * operations make (src/ops). Pieces that a renderer colours are separate messages; a message that
 * puts coloured pieces together takes them as arguments.
 */
export const output = {
  // Fields of a readable message or delivery report: `key k  len 5  headers a=1`.
  fieldKey: (key: string) => `key ${key}`,
  fieldLen: (len: number) => `len ${len}`,
  fieldHeaders: (headers: string) => `headers ${headers}`,
  /** A consumed message whose timestamp is -1. */
  noTimestamp: 'no timestamp',

  // Delivery reports of produce (-o text): the status word starts the line.
  reportDelivered: 'delivered',
  reportSent: 'sent',
  reportFailed: 'failed',
  reportNotSent: 'not sent',
  reportLine: (line: number) => `line ${line}`,
  reportNotAcknowledged: '(acks=0: not acknowledged)',
  /** An invalid input line on stderr: `at` is inputErrorAt, coloured. */
  inputErrorAt: (line: number) => `line ${line}:`,
  inputErrorNotSent: (at: string, error: string) => `${at} ${error} (not sent)`,

  // Produce's closing line on stderr: `done: 5 of 5 delivered to 'orders' in 0.12 s`.
  produceDone: 'done:',
  produceInterrupted: 'interrupted:',
  produceIncomplete: 'incomplete:',
  produceDelivered: (delivered: number, total: number, topic: string) => `${delivered} of ${total} delivered to '${topic}'`,
  produceUnacknowledged: (count: number) => `${count} sent without acknowledgement (acks=0)`,
  produceFailed: (count: number) => `${count} failed`,
  /** After produceFailed when every failure had the same reason. */
  produceFailedBecause: (error: string) => `: ${error}`,
  /** After produceFailed when the failures had different reasons. */
  produceFailedFirst: (error: string) => `, the first: ${error}`,
  produceNotSent: (count: number) => `${count} not sent`,
  produceInputInvalid: (count: number) => `${count} input line${count === 1 ? '' : 's'} invalid`,
  /** Between the parts of a summary. */
  summarySeparator: '; ',
  produceSummary: (head: string, parts: string, seconds: string, rate: string) => `${head} ${parts} in ${seconds} s${rate}`,
  /** Appended to a summary's time when many messages went by. */
  ratePerSecond: (rate: string) => `, ${rate} msg/s`,
  /** The progress meter on a terminal's stderr. */
  progress: (count: string, rate: string) => `${count} messages, ${rate}/s`,

  // Produce's refusals and failures of single messages (reports and the summary show them).
  notSentInterrupted: 'interrupted before sending',
  messageTooLarge: (size: number, limit: number) => `message of ${size} bytes is over the limit of ${limit} bytes (message.max.bytes); not sent`,
  noSuchPartition: (partition: number, topic: string, partitions: string) => `partition ${partition} does not exist in topic '${topic}' (partitions ${partitions})`,
  /** What failed, before a broker error: `produce to orders[0]: …`. */
  produceTo: (topic: string, partition: number) => `produce to ${topic}[${partition}]`,

  // Consume's status lines on stderr (kcat's `% ` prefix).
  consumeWithoutGroup: 'without a group',
  consumeAsGroup: (group: string) => `as group '${group}'`,
  consumeNoPartition: (who: string, topic: string) => `% ${who}: no partition of '${topic}' assigned to this member (the group has more members than partitions)`,
  consumeReading: (topic: string, who: string, offsets: string) => `% reading '${topic}' ${who}: partition:offset ${offsets}`,
  consumeWaitForever: 'until Ctrl-C',
  consumeWaitFor: (duration: string) => `for ${duration}`,
  consumeCaughtUp: (topic: string, offsets: string, wait: string) => `% reached the end of '${topic}' (partition:offset ${offsets}); waiting for messages ${wait}`,
  consumeWarning: '% warning:',
  consumeCommitRetry: (warning: string, message: string) => `${warning} ${message} (will try again)`,
  consumeRestarting: (warning: string, message: string) => `${warning} ${message}; the consumer starts again`,

  // Why consume stopped (its summary's `stopped:`).
  stopCount: 'the requested count reached',
  stopEnd: 'end of the partitions reached',
  stopUntil: 'the --until position reached in every partition',
  stopIdle: (duration: string) => `no message for ${duration}`,
  stopInterrupted: 'interrupted',
  stopOutputClosed: 'output closed',
  stopNotOwned: (group: string) => `the end of this member's partitions; other members of group '${group}' hold the rest`,

  // Consume's closing line: `% done: 5 messages from 'orders' in 1.00 s; stopped: …`.
  consumeDone: '% done:',
  consumeCount: (count: number) => `${count} message${count === 1 ? '' : 's'}`,
  consumeMatched: (matched: number, scanned: number) => `${matched} of ${scanned} message${scanned === 1 ? '' : 's'} matched`,
  consumeSummary: (done: string, count: string, topic: string, seconds: string, rate: string, reason: string, committed: string) =>
    `${done} ${count} from '${topic}' in ${seconds} s${rate}; stopped: ${reason}${committed}`,
  consumeCommitted: (offsets: string, group: string) => `; committed ${offsets} for group '${group}'`,
  /** -e in a group that ended with partitions other members hold. */
  consumeUnread: (topic: string, partitions: string, group: string, total: string, detail: string) =>
    `'${topic}' was not read to its end: partition(s) ${partitions} belong to other members of group '${group}', with ${total} message(s) unread (partition:messages ${detail})`,
  consumeUnreadHint: (group: string) =>
    `Another member is reading them, or one that died holds them until its session times out (session.timeout.ms): run again, or see ckafka group describe ${group}.`,

  // Joining a group or reading a topic that gives no partitions in time.
  consumeFrom: (topic: string) => `consume from '${topic}'`,
  consumeJoinGroup: (group: string, topic: string) => `join group '${group}' for '${topic}'`,
  consumeJoinTimeout: (what: string, seconds: number) => `${what}: no partitions assigned within ${seconds} s`,
  consumeJoinTimeoutHint: 'The group coordinator did not answer or the group did not settle; check the cluster, and other members of the group (ckafka group describe).',

  // consume --match: a pattern that cannot be used.
  matchNoField: (text: string) => `--match: '${text}' has no field (key:, value: or header.NAME:)`,
  matchUnknownField: (name: string, text: string) => `--match: unknown field '${name}' in '${text}'`,
  matchInvalidRegex: (source: string, reason: string) => `--match: invalid regular expression '${source}': ${reason}`,
  matchHint: 'Write key:REGEX, value:REGEX or header.NAME:REGEX, e.g. --match \'value:"status":"failed"\' or --match header.source:^ci$.',

  // consume -f: a format that cannot be used.
  formatUnknownPlaceholder: (placeholder: string, position: number, format: string) => `--format: unknown placeholder '${placeholder}' at position ${position} of '${format}'`,
  formatPlaceholdersHint:
    'Placeholders: %t topic, %p partition, %o offset, %T timestamp, %k key, %s value, %h headers, %K key length, %S value length, %% for a percent sign.',
  formatUnknownEscape: (escape: string, format: string) => `--format: unknown escape '${escape}' in '${format}'`,
  formatEscapesHint: 'Escapes: \\n \\t \\r \\\\ \\0.',

  // check: the problems found (one line each), and the verdict.
  checkProduceFailed: (error: string) => `produce failed: ${error}`,
  checkConsumeFailed: (error: string) => `consume failed: ${error}`,
  checkNotReceived: (count: number, indexes: string) => `not received: ${count} message(s), index ${indexes}`,
  checkDuplicates: (count: number) => `received twice or more: ${count}`,
  checkCorrupted: (count: number) => `received but not intact: ${count}`,
  checkHeading: (topic: string, runId: string, count: number) => `topic ${topic}  run ${runId}  ${count} message(s)`,
  checkProduce: 'produce',
  checkConsume: 'consume',
  checkDelivered: 'delivered',
  checkReceived: 'received intact',
  checkLatency: (stats: string) => `latency ${stats}`,
  checkEndToEnd: (stats: string) => `end to end ${stats}`,
  checkStats: (min: number, median: number, p99: number, max: number) => `min ${min} ms, median ${median} ms, p99 ${p99} ms, max ${max} ms`,
  checkNoStats: 'n/a',
  checkPass: 'PASS',
  checkFail: (verdict: string) => `FAIL (${verdict})`,
  checkElapsed: (verdict: string, seconds: string) => `${verdict} in ${seconds} s`,
  /** The JUnit report's failure of the produce case. */
  checkNotDelivered: (missing: number, count: number) => `${missing} of ${count} not delivered`,

  // Labels before a value (`topic: orders`), bold on a terminal; common.prefixGap follows them.
  labelGroup: 'group:',
  labelTopic: 'topic:',
  labelPartitions: 'partitions:',
  labelMessages: 'messages:',
  labelState: 'state:',
  labelMembers: 'members:',
  labelTotalLag: 'total lag:',
  labelClusterId: 'cluster id:',
  labelController: 'controller:',
  labelConfig: 'config:',
  labelConfigNotDefault: 'config (not default; --all-configs for every one):',

  // Table headings.
  headPartition: 'PARTITION',
  headPartitions: 'PARTITIONS',
  headCurrent: 'CURRENT',
  headNew: 'NEW',
  headLagAfter: 'LAG-AFTER',
  headNote: 'NOTE',
  headGroup: 'GROUP',
  headResult: 'RESULT',
  headTopic: 'TOPIC',
  headName: 'NAME',
  headValue: 'VALUE',
  headSource: 'SOURCE',
  headId: 'ID',
  headAddress: 'ADDRESS',
  headController: 'CONTROLLER',
  /** topic list: the replication factor. */
  headReplicationFactor: 'REPLICAS',
  /** topic describe: the brokers holding a replica of the partition. */
  headReplicas: 'REPLICAS',
  headLeader: 'LEADER',
  headIsr: 'ISR',
  headLow: 'LOW',
  headHigh: 'HIGH',
  headState: 'STATE',
  headProtocol: 'PROTOCOL',
  headCommitted: 'COMMITTED',
  headEnd: 'END',
  headLag: 'LAG',
  headMember: 'MEMBER',
  headHost: 'HOST',

  // Cells and notes of the admin and inspection tables.
  yes: 'yes',
  unknown: 'unknown',
  deleted: 'deleted',
  notDeleted: (message: string, error: string) => `not deleted: ${message} (${error})`,
  doesNotExist: 'does not exist',
  sensitive: '(sensitive)',
  configSourceNote: '(source dynamic: set on the topic; default and static-broker: not)',
  allDefaults: '(all defaults)',
  offline: (replicas: string) => `offline ${replicas}`,
  noTopics: '(no topics)',
  noGroups: '(no consumer groups)',
  noActiveMembers: 'no active members: the group only has committed offsets',
  noOffsetsNoPartitions: '(no committed offsets and no assigned partitions)',

  // group reset-offsets: the plan, and why it is refused.
  clampedLow: (low: string) => `clamped to the first kept offset (${low})`,
  clampedHigh: (high: string) => `clamped to the end (${high})`,
  resetCommitted: (count: number) => `committed the new offsets of ${count} partition(s)`,
  resetDryRun: 'dry run: nothing changed; add --execute to commit these offsets',
  resetNoPartition: (topic: string, missing: string, count: number, last: number) => `topic '${topic}' has no partition ${missing} (it has ${count}: 0–${last})`,
  resetNoPartitionHint: 'Give existing partitions with -p, or leave -p out for all of them.',
  resetActiveGroup: (group: string, count: number, state: string, members: string) =>
    `group '${group}' has ${count} active member(s) (state ${state}); its offsets can only be reset while it is inactive. Nothing was changed. Members:\n${members}`,
  resetActiveGroupHint: (group: string) => `Stop these consumers and run the command again (see them with: ckafka group describe ${group}).`,
  resetShiftWithoutCommit: (partitions: string) => `--shift-by moves committed offsets, and the group has none for partition ${partitions}`,
  resetShiftWithoutCommitHint: 'Use --to for them, or choose partitions that have one with -p.',
} satisfies Area;
