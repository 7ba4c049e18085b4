import type { Catalog } from '../catalog.js';

/** 中文消息：kafka（与 ../en/kafka.ts 一一对应）。 */
export const kafka: Catalog['kafka'] = {
  // 出错时命令正在做的事：错误行的开头。
  actionConnect: '连接集群',
  actionConsume: (topic) => `消费主题 '${topic}'`,
  actionConsumeInGroup: (topic, groupId) => `以消费分组 '${groupId}' 消费主题 '${topic}'`,
  actionProduce: (topic) => `向主题 '${topic}' 发送消息`,
  actionProducePartition: (topic, partition) => `向 ${topic}[${partition}] 发送消息`,
  actionCommitOffsets: (groupId) => `提交消费分组 '${groupId}' 的位点`,
  actionReachCoordinator: (groupId) => `连接消费分组 '${groupId}' 的协调者`,

  // kafkajs 与网络错误，按用户能采取的措施分类（errors.ts）。Kafka 的错误名称保持原样。
  atBootstrap: (brokers) => `（接入点 ${brokers}）`,
  authFailed: (action, at, reason) => `${action}：身份认证失败${at}：${reason}`,
  authFailedHint: '请检查 sasl.mechanisms、sasl.username（CKafka：实例 ID#用户名）和密码。',
  notAuthorised: (action, reason) => `${action}：没有权限：${reason}`,
  notAuthorisedHint: '请为该用户授予此主题或消费分组的访问权限（CKafka：在控制台配置 ACL 策略）。',
  tlsClientCertRequired: (action, at, alert) =>
    `${action}：TLS 连接失败${at}：Broker 要求提供其信任的客户端证书，因此拒绝了连接（TLS 告警：${alert}）`,
  tlsClientCertRequiredHint:
    '请将 ssl.certificate.location 和 ssl.key.location（私钥已加密时还需 ssl.key.password）设为由集群信任的 CA 签发的客户端证书。',
  tlsFailure: (action, at, reason) => `${action}：TLS 连接失败${at}：${reason}`,
  tlsFailureHint: '请检查 ssl.ca.location 和 security.protocol（SSL 或 SASL_SSL）。',
  tlsFailureMutualHint:
    '请检查 ssl.ca.location 和 security.protocol（SSL 或 SASL_SSL）；如果集群要求客户端证书（双向 TLS），请设置 ssl.certificate.location 和 ssl.key.location。',
  closedDuringAuth: (action, at) => `${action}：Broker 在身份认证过程中关闭了连接${at}`,
  closedDuringAuthHint: '请检查 security.protocol 和 sasl.mechanisms。',
  unknownTopicOrPartition: (action, reason) => `${action}：主题或分区不存在（UNKNOWN_TOPIC_OR_PARTITION）：${reason}`,
  unknownTopicOrPartitionHint: '请检查主题名称（ckafka topic list），或先创建该主题。',
  messageTooLarge: (action, reason) => `${action}：消息过大，Broker 拒绝写入：${reason}`,
  messageTooLargeHint: '请减小消息大小，或调大该主题的 max.message.bytes。',
  brokerRefused: (action, type, reason) => `${action}：Broker 拒绝了请求（${type}）：${reason}`,
  unreachable: (action, at, reason) => `${action}：无法连接到集群${at}：${reason}`,
  unreachableHint: '请检查 bootstrap_servers（接入点）、本机能否访问该接入点（VPC 网络还是公网）以及防火墙设置。',
  failed: (action, reason) => `${action}：${reason}`,

  // 消费者无法加入消费分组的原因（group-hints.ts）。
  groupHintInconsistentProtocol: '该消费分组的其他成员使用了不同的分区分配协议（其他客户端或工具）：请用 -g 换一个消费分组。',
  groupHintSessionTimeout: 'session.timeout.ms 超出了 Broker 允许的范围（CKafka：6000-300000）：请用 -X session.timeout.ms=… 设置。',
  groupHintMaxSize: '该消费分组的成员数已达 Broker 允许的上限（group.max.size）：请停止一个成员，或换一个消费分组。',
  groupHintInvalidId: '请用 -g 指定消费分组 ID。',

  // 等待消费分组协调者（coordinator-retry.ts、consumer.ts）。
  groupCoordinator: '消费分组协调者（coordinator）',
  coordinatorOfGroup: (groupId) => `消费分组 '${groupId}' 的协调者（coordinator）`,
  noCoordinatorFound: '未找到协调者',
  coordinatorNotReady: (action, whose, seconds, type) => `${action}：等待 ${seconds} 秒后，${whose}仍未就绪（${type}）`,
  coordinatorNotReadyHint:
    '新集群在首次使用消费分组时才创建位点主题（__consumer_offsets），重启后的 Broker 也要先加载消费分组：请稍后重试。如果一直如此，请检查 Broker（ckafka brokers）及其日志。',
  coordinatorWaiting: (action, reason, seconds) => `${action}：消费分组协调者尚未就绪（${reason}）；最多等待 ${seconds} 秒`,

  // 不存在的主题，以及首次使用时由集群自动创建的主题（topic-offsets.ts、auto-create.ts）。
  topicNotFound: (topic) => `主题 '${topic}' 不存在`,
  topicNotFoundHint: '请检查主题名称（ckafka topic list），或创建该主题（ckafka topic create）。',
  didYouMean: (name) => `您要找的是不是 '${name}'？`,
  topicNotCreated: (topic, why) => `主题 '${topic}' 不存在，且${why}`,
  autoCreateOff: '集群不会自动创建主题（auto.create.topics.enable 已关闭）',
  autoCreateUnavailable: '当前的 kafkajs 不开放其集群对象，无法请求自动创建',
  topicNotCreatedHint: (topic) => `请先创建该主题（ckafka topic create ${topic}），或检查主题名称（ckafka topic list）。`,
  autoCreatedNoLeader: (topic, seconds) => `主题 '${topic}' 已由集群自动创建，但 ${seconds} 秒后仍没有 Leader`,
  autoCreatedNoLeaderHint: '请查看 Broker 的状态（ckafka brokers）后重试。',

  // 创建主题、修改分区数和配置（topic-create.ts、topic-admin.ts）。
  topicExists: (topic) => `主题 '${topic}' 已存在`,
  topicExistsHint: (topic) => `查看该主题：ckafka topic describe ${topic}`,
  partitionsWithLeader: (led, total) => `${total} 个分区中有 ${led} 个已有 Leader`,
  topicMetadataIncomplete: (topic, state) => `主题 '${topic}' 已创建，但其元数据尚不完整（${state}）`,
  topicMetadataIncompleteHint: (topic) => `Broker 同步该主题较慢：可用 ckafka topic describe ${topic} 查看`,
  partitionDecrease: (topic, before, count) => `主题 '${topic}' 已有 ${before} 个分区；Kafka 不能减少主题的分区数（改为 ${count} 个）`,
  partitionDecreaseHint: '否则键（key）会映射到其他分区，被删除分区中的消息也会丢失。请新建一个分区更少的主题，再把数据复制过去。',
  configChangeRefused: (topic, reason, type) => `主题 '${topic}'：Broker 拒绝了配置修改：${reason}（${type}）`,
  configChangeRefusedHint: (topic) => `查看该主题的配置项及其名称：ckafka topic config ${topic}`,
  apiUnsupported: (api, key, since) => `Broker 不支持 ${api}（API key ${key}）：需要 Apache Kafka ${since} 或更高版本`,
  apiUnsupportedHint: 'CKafka 2.4 及以上版本的实例支持该请求。',

  // 消费分组（admin.ts、group-admin.ts）。
  groupNotFound: (groupId) => `消费分组 '${groupId}' 不存在`,
  groupListHint: '查看消费分组列表：ckafka group list',
  commitRefusedMemberJoined: (groupId, type) => `消费分组 '${groupId}'：协调者拒绝了新的位点（${type}）：有成员加入了该消费分组；未做任何修改`,
  commitRefusedMemberJoinedHint: (groupId) => `请停止该消费分组的消费者后重新运行命令（ckafka group describe ${groupId} 会列出它们）。`,
  deleteOffsetsRefused: (groupId, topic, reason, type) => `消费分组 '${groupId}'：协调者拒绝删除主题 '${topic}' 的位点：${reason}（${type}）`,
  deleteOffsetsSubscribedHint: (topic, groupId) => `该消费分组有成员正在消费 '${topic}'：请先停止它们（ckafka group describe ${groupId}）。`,

  // 消费（consumer.ts）。
  noSuchPartitions: (topic, missing, all) => `主题 '${topic}' 没有分区 ${missing}（它的分区为 ${all}）`,
  commitWhileReconnecting: (groupId) => `提交消费分组 '${groupId}' 的位点：消费者出错后正在重新连接`,
  commitNotStored: (groupId, positions) =>
    `提交消费分组 '${groupId}' 的位点：在协调者保存 分区:位点 ${positions} 之前，消费者已停止（有 Broker 断开了连接）`,
  commitReadAgainHint: '上次提交位点之后输出的消息，下次运行时会被再次读取。',

  // 生产（producer.ts、idempotent-transport.ts）。
  attempts: (n) => `尝试 ${n} 次`,
  outcomeUnknown: (error, tries) => `${error}（${tries}后结果未知：Broker 可能已写入这些消息）`,
  notWritten: (error, tries) => `${error}（未写入；已${tries}）`,
  compressionUnavailable: (codec) => `压缩算法 ${codec} 不可用`,
  headerNullValue: (key) => `消息头（header）"${key}" 的值为 null，幂等生产者（kafkajs 的编码器）无法发送；未发送`,
  headerOrder: '幂等生产者（kafkajs 的编码器）无法保持这些消息头（header）的顺序（同名消息头之间夹着其他消息头，或名称是数字）；未发送',
  noLeaderKnown: (topic, partition) => `${topic}[${partition}] 没有已知的 Leader`,
  brokerTooOldForIdempotence: (topic, partition) => `${topic}[${partition}] 所在的 Broker 早于 Kafka 0.11，不支持幂等生产者`,
  produceResponseWithoutPartition: (topic, partition) => `Broker 的生产响应中没有该分区（${topic}[${partition}]）`,

  // 位置与分区列表（offsets.ts）。
  cannotReadStartPosition: (flag, text) => `${flag}：无法将 '${text}' 识别为起始位置`,
  cannotReadPosition: (flag, text) => `${flag}：无法将 '${text}' 识别为位置`,
  startPositionHint: '可用 earliest、latest、位点（1234）、末尾前 N 条（-10）、毫秒时间戳（@1718000000000）或 ISO 日期（2024-06-01T12:00:00Z）。',
  cannotReadEndPosition: (text) => `--until：无法将 '${text}' 识别为结束位置`,
  notAnEndPosition: (text) => `--until：'${text}' 不能作为结束位置`,
  endPositionHint: '可用位点（1234）、毫秒时间戳（@1718000000000）或 ISO 日期（2024-06-01T12:00:00Z）。',
  endPositionOrEndHint: '可用位点（1234）、毫秒时间戳（@1718000000000）或 ISO 日期（2024-06-01T12:00:00Z）。如果要停在各分区当前的末尾，请使用 -e。',
  positionOffset: (offset) => `位点 ${offset}`,
  positionBeforeEnd: (count) => `末尾前 ${count} 条`,
  invalidPartitionList: (text) => `-p：分区列表 '${text}' 无效`,
  partitionListHint: '请给出以逗号分隔的分区编号，例如 -p 0,2 或 -p 0-3。',
  partitionOutOfRange: (partition) => `-p：分区 ${partition} 超出范围（0 到 2147483647）`,
  invalidPartitionRange: (part) => `-p：分区范围 '${part}' 无效`,
};
