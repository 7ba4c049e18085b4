import type { Area } from '../catalog.js';

/** English messages: kafka (see src/i18n/README.md). */
export const kafka = {
  // What a command was doing when the cluster failed it: the start of its error line.
  actionConnect: 'connect',
  actionConsume: (topic: string) => `consume from '${topic}'`,
  actionConsumeInGroup: (topic: string, groupId: string) => `consume from '${topic}' in group '${groupId}'`,
  actionProduce: (topic: string) => `produce to '${topic}'`,
  actionProducePartition: (topic: string, partition: number) => `produce to ${topic}[${partition}]`,
  actionCommitOffsets: (groupId: string) => `commit offsets of group '${groupId}'`,
  actionReachCoordinator: (groupId: string) => `reach the coordinator of group '${groupId}'`,

  // kafkajs and socket errors, by what the user can do about them (errors.ts).
  atBootstrap: (brokers: string) => ` (bootstrap ${brokers})`,
  authFailed: (action: string, at: string, reason: string) => `${action}: authentication failed${at}: ${reason}`,
  authFailedHint: 'Check sasl.mechanisms, sasl.username (CKafka: instanceId#user) and the password.',
  notAuthorised: (action: string, reason: string) => `${action}: not authorised: ${reason}`,
  notAuthorisedHint: 'Grant this user access to the topic or group (CKafka: ACL policy in the console).',
  tlsClientCertRequired: (action: string, at: string, alert: string) =>
    `${action}: TLS failure${at}: the broker refused the connection because it requires a client certificate it trusts (TLS alert: ${alert})`,
  tlsClientCertRequiredHint:
    'Set ssl.certificate.location and ssl.key.location (and ssl.key.password for an encrypted key) to a client certificate signed by a CA the cluster trusts.',
  tlsFailure: (action: string, at: string, reason: string) => `${action}: TLS failure${at}: ${reason}`,
  tlsFailureHint: 'Check ssl.ca.location and security.protocol (SSL or SASL_SSL).',
  tlsFailureMutualHint:
    'Check ssl.ca.location and security.protocol (SSL or SASL_SSL); if the cluster requires a client certificate (mutual TLS), set ssl.certificate.location and ssl.key.location.',
  closedDuringAuth: (action: string, at: string) => `${action}: the broker closed the connection during authentication${at}`,
  closedDuringAuthHint: 'Check security.protocol and sasl.mechanisms.',
  unknownTopicOrPartition: (action: string, reason: string) => `${action}: unknown topic or partition: ${reason}`,
  unknownTopicOrPartitionHint: 'Check the topic name (ckafka topic list), or create it.',
  messageTooLarge: (action: string, reason: string) => `${action}: the broker refused the message as too large: ${reason}`,
  messageTooLargeHint: 'Reduce the message size or raise max.message.bytes on the topic.',
  brokerRefused: (action: string, type: string, reason: string) => `${action}: the broker refused the request (${type}): ${reason}`,
  unreachable: (action: string, at: string, reason: string) => `${action}: cannot reach the cluster${at}: ${reason}`,
  unreachableHint: 'Check bootstrap_servers, that this host can reach the access point (VPC vs public network), and any firewall.',
  failed: (action: string, reason: string) => `${action}: ${reason}`,

  // Why a consumer cannot join its group (group-hints.ts).
  groupHintInconsistentProtocol:
    'Another member of this group uses a different assignment protocol (another client or tool): choose another group with -g.',
  groupHintSessionTimeout: "session.timeout.ms is outside the broker's range (CKafka: 6000-300000): set it with -X session.timeout.ms=…",
  groupHintMaxSize: 'The group has as many members as the broker allows (group.max.size): stop one, or use another group.',
  groupHintInvalidId: 'Choose a group id with -g.',

  // Waiting for a group coordinator (coordinator-retry.ts, consumer.ts).
  groupCoordinator: 'the group coordinator',
  coordinatorOfGroup: (groupId: string) => `the coordinator of group '${groupId}'`,
  noCoordinatorFound: 'no coordinator found',
  coordinatorNotReady: (action: string, whose: string, seconds: string, type: string) =>
    `${action}: ${whose} was not ready after ${seconds} s (${type})`,
  coordinatorNotReadyHint:
    'A new cluster creates its offsets topic (__consumer_offsets) when a group is first used, and a restarted broker loads its groups: try again shortly. If it lasts, check the brokers (ckafka brokers) and their logs.',
  coordinatorWaiting: (action: string, reason: string, seconds: number) =>
    `${action}: the group coordinator is not ready (${reason}); waiting up to ${seconds} s`,

  // Topics that do not exist, or that the cluster creates on first use (topic-offsets.ts, auto-create.ts).
  topicNotFound: (topic: string) => `topic '${topic}' does not exist`,
  topicNotFoundHint: 'Check the name (ckafka topic list) or create it (ckafka topic create).',
  didYouMean: (name: string) => `Did you mean '${name}'?`,
  topicNotCreated: (topic: string, why: string) => `topic '${topic}' does not exist, and ${why}`,
  autoCreateOff: 'the cluster does not create topics automatically (auto.create.topics.enable is off)',
  autoCreateUnavailable: 'this kafkajs keeps its cluster private',
  topicNotCreatedHint: (topic: string) => `Create it (ckafka topic create ${topic}) or check the name (ckafka topic list).`,
  autoCreatedNoLeader: (topic: string, seconds: number) => `topic '${topic}' was created by the cluster but has no leader after ${seconds} s`,
  autoCreatedNoLeaderHint: 'Look at the brokers (ckafka brokers) and try again.',

  // topic create, alter and config (topic-create.ts, topic-admin.ts).
  topicExists: (topic: string) => `topic '${topic}' already exists`,
  topicExistsHint: (topic: string) => `See it with: ckafka topic describe ${topic}`,
  partitionsWithLeader: (led: number, total: number) => `${led} of ${total} partitions have a leader`,
  topicMetadataIncomplete: (topic: string, state: string) => `topic '${topic}' was created, but its metadata is not complete yet (${state})`,
  topicMetadataIncompleteHint: (topic: string) => `The brokers are slow to take it in: see it with ckafka topic describe ${topic}`,
  partitionDecrease: (topic: string, before: number, count: number) =>
    `topic '${topic}' has ${before} partitions; Kafka cannot decrease a topic's partition count (to ${count})`,
  partitionDecreaseHint:
    "Keys would map to other partitions and the removed partitions' messages would be lost. Create a new topic with fewer partitions and copy the data instead.",
  configChangeRefused: (topic: string, reason: string, type: string) => `topic '${topic}': the broker refused the config change: ${reason} (${type})`,
  configChangeRefusedHint: (topic: string) => `See the topic's configs and their names with: ckafka topic config ${topic}`,
  apiUnsupported: (api: string, key: number, since: string) => `the broker does not support ${api} (API key ${key}): it needs Apache Kafka ${since} or later`,
  apiUnsupportedHint: 'CKafka instances of version 2.4 and later have it.',

  // Consumer groups (admin.ts, group-admin.ts).
  groupNotFound: (groupId: string) => `consumer group '${groupId}' does not exist`,
  groupListHint: 'List groups with: ckafka group list',
  commitRefusedMemberJoined: (groupId: string, type: string) =>
    `group '${groupId}': the coordinator refused the new offsets (${type}): a member joined the group; nothing was changed`,
  commitRefusedMemberJoinedHint: (groupId: string) => `Stop its consumers and run the command again (ckafka group describe ${groupId} lists them).`,
  deleteOffsetsRefused: (groupId: string, topic: string, reason: string, type: string) =>
    `group '${groupId}': the coordinator refused to delete the offsets of '${topic}': ${reason} (${type})`,
  deleteOffsetsSubscribedHint: (topic: string, groupId: string) => `Members of the group consume '${topic}': stop them first (ckafka group describe ${groupId}).`,

  // Consuming (consumer.ts).
  noSuchPartitions: (topic: string, missing: string, all: string) => `topic '${topic}' has no partition ${missing} (it has ${all})`,
  commitWhileReconnecting: (groupId: string) => `commit offsets of group '${groupId}': the consumer is reconnecting after an error`,
  commitNotStored: (groupId: string, positions: string) =>
    `commit offsets of group '${groupId}': the consumer stopped (a broker went away) before the group coordinator stored partition:offset ${positions}`,
  commitReadAgainHint: 'The messages printed since the last commit will be read again by the next run.',

  // Producing (producer.ts, idempotent-transport.ts).
  attempts: (n: number) => `${n} attempt${n === 1 ? '' : 's'}`,
  outcomeUnknown: (error: string, tries: string) => `${error} (outcome unknown after ${tries}: the broker may have written these messages)`,
  notWritten: (error: string, tries: string) => `${error} (not written; ${tries})`,
  compressionUnavailable: (codec: string) => `compression ${codec} is not available`,
  headerNullValue: (key: string) => `header "${key}" has a null value, which the idempotent producer (kafkajs's encoder) cannot send; not sent`,
  headerOrder:
    "the idempotent producer (kafkajs's encoder) cannot keep these headers in their order (a repeated name with others between, or names that are numbers); not sent",
  noLeaderKnown: (topic: string, partition: number) => `no leader known for ${topic}[${partition}]`,
  brokerTooOldForIdempotence: (topic: string, partition: number) => `the broker of ${topic}[${partition}] predates Kafka 0.11: no idempotent producer there`,
  produceResponseWithoutPartition: (topic: string, partition: number) => `the broker's produce response names no partition (${topic}[${partition}])`,

  // Positions and partition lists (offsets.ts).
  cannotReadStartPosition: (flag: string, text: string) => `${flag}: cannot read '${text}' as a start position`,
  cannotReadPosition: (flag: string, text: string) => `${flag}: cannot read '${text}' as a position`,
  startPositionHint: 'Use earliest, latest, an offset (1234), N before the end (-10), a time in ms (@1718000000000) or an ISO date (2024-06-01T12:00:00Z).',
  cannotReadEndPosition: (text: string) => `--until: cannot read '${text}' as an end position`,
  notAnEndPosition: (text: string) => `--until: '${text}' is not an end position`,
  endPositionHint: 'Use an offset (1234), a time in ms (@1718000000000) or an ISO date (2024-06-01T12:00:00Z).',
  endPositionOrEndHint:
    'Use an offset (1234), a time in ms (@1718000000000) or an ISO date (2024-06-01T12:00:00Z). To stop at the end of the partitions as they are now, use -e.',
  positionOffset: (offset: string) => `offset ${offset}`,
  positionBeforeEnd: (count: string) => `${count} before the end`,
  invalidPartitionList: (text: string) => `-p: invalid partition list '${text}'`,
  partitionListHint: 'Give partition numbers separated by commas, e.g. -p 0,2 or -p 0-3.',
  partitionOutOfRange: (partition: string) => `-p: partition ${partition} is out of range (0 to 2147483647)`,
  invalidPartitionRange: (part: string) => `-p: invalid partition range '${part}'`,
} satisfies Area;
