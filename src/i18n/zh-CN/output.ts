import type { Catalog } from '../catalog.js';

/** 中文消息：输出（状态行、发送报告与汇总、消费状态与汇总、check 结论、表格与查看），与 ../en/output.ts 一一对应。 */
export const output: Catalog['output'] = {
  // 可读的消息与发送报告中的字段
  fieldKey: (key) => `键 ${key}`,
  fieldLen: (len) => `长度 ${len}`,
  fieldHeaders: (headers) => `消息头 ${headers}`,
  noTimestamp: '无时间戳',

  // produce 的发送报告（-o text）
  reportDelivered: '发送成功',
  reportSent: '已发送',
  reportFailed: '发送失败',
  reportNotSent: '未发送',
  reportLine: (line) => `第 ${line} 行`,
  reportNotAcknowledged: '（acks=0：Broker 不确认）',
  inputErrorAt: (line) => `第 ${line} 行：`,
  inputErrorNotSent: (at, error) => `${at}${error}（未发送）`,

  // produce 结束时在 stderr 上的汇总行
  produceDone: '完成：',
  produceInterrupted: '已中断：',
  produceIncomplete: '未全部完成：',
  produceDelivered: (delivered, total, topic) => `${total} 条消息中 ${delivered} 条已成功发送到主题 '${topic}'`,
  produceUnacknowledged: (count) => `${count} 条已发送但未经确认（acks=0）`,
  produceFailed: (count) => `${count} 条发送失败`,
  produceFailedBecause: (error) => `：${error}`,
  produceFailedFirst: (error) => `，第一个错误：${error}`,
  produceNotSent: (count) => `${count} 条未发送`,
  produceInputInvalid: (count) => `${count} 行输入无效`,
  summarySeparator: '；',
  produceSummary: (head, parts, seconds, rate) => `${head}${parts}，用时 ${seconds} 秒${rate}`,
  ratePerSecond: (rate) => `，每秒 ${rate} 条`,
  progress: (count, rate) => `${count} 条消息，每秒 ${rate} 条`,

  // produce 拒绝或未能发送的单条消息
  notSentInterrupted: '发送前已中断',
  messageTooLarge: (size, limit) => `消息大小为 ${size} 字节，超过 ${limit} 字节的上限（message.max.bytes），未发送`,
  noSuchPartition: (partition, topic, partitions) => `主题 '${topic}' 中不存在分区 ${partition}（现有分区：${partitions}）`,
  produceTo: (topic, partition) => `发送消息到 ${topic}[${partition}]`,

  // consume 在 stderr 上的状态行（保留 `% ` 前缀）
  consumeWithoutGroup: '不使用消费分组',
  consumeAsGroup: (group) => `消费分组 '${group}'`,
  consumeNoPartition: (who, topic) => `% ${who}：主题 '${topic}' 没有分区分配给此成员（消费分组的成员数多于分区数）`,
  consumeReading: (topic, who, offsets) => `% 开始读取主题 '${topic}'（${who}）：分区:位点 ${offsets}`,
  consumeWaitForever: '等待新消息，直到按下 Ctrl-C',
  consumeWaitFor: (duration) => `等待新消息，最长 ${duration}`,
  consumeCaughtUp: (topic, offsets, wait) => `% 已读到主题 '${topic}' 的末尾（分区:位点 ${offsets}）；${wait}`,
  consumeWarning: '% 警告：',
  consumeCommitRetry: (warning, message) => `${warning}${message}（稍后重试）`,
  consumeRestarting: (warning, message) => `${warning}${message}；消费者重新启动`,

  // consume 停止的原因
  stopCount: '已达到指定的消息条数',
  stopEnd: '已读到分区末尾',
  stopUntil: '所有分区都已读到 --until 指定的位置',
  stopIdle: (duration) => `${duration} 内没有新消息`,
  stopInterrupted: '已中断',
  stopOutputClosed: '输出已关闭',
  stopNotOwned: (group) => `已读完此成员的分区；其余分区由消费分组 '${group}' 的其他成员持有`,

  // consume 结束时的汇总行
  consumeDone: '% 完成：',
  consumeCount: (count) => `${count} 条消息`,
  consumeMatched: (matched, scanned) => `${scanned} 条消息（其中 ${matched} 条匹配）`,
  consumeSummary: (done, count, topic, seconds, rate, reason, committed) =>
    `${done}从主题 '${topic}' 读取 ${count}，用时 ${seconds} 秒${rate}；停止原因：${reason}${committed}`,
  consumeCommitted: (offsets, group) => `；已为消费分组 '${group}' 提交位点 ${offsets}`,
  consumeUnread: (topic, partitions, group, total, detail) =>
    `主题 '${topic}' 没有读到末尾：分区 ${partitions} 属于消费分组 '${group}' 的其他成员，还有 ${total} 条消息未读（分区:消息数 ${detail}）`,
  consumeUnreadHint: (group) =>
    `可能有其他成员正在读取这些分区，或已退出的成员在会话超时（session.timeout.ms）前仍持有它们：请重新运行，或用 ckafka group describe ${group} 查看。`,

  // 加入消费分组或读取主题时，未能及时分配到分区
  consumeFrom: (topic) => `消费主题 '${topic}'`,
  consumeJoinGroup: (group, topic) => `为主题 '${topic}' 加入消费分组 '${group}'`,
  consumeJoinTimeout: (what, seconds) => `${what}：${seconds} 秒内没有分配到分区`,
  consumeJoinTimeoutHint: '消费分组的协调者（coordinator）没有应答，或分组迟迟未能稳定：请检查集群，以及该分组的其他成员（ckafka group describe）。',

  // consume --match 的写法错误
  matchNoField: (text) => `--match：'${text}' 缺少字段（key:、value: 或 header.NAME:）`,
  matchUnknownField: (name, text) => `--match：'${text}' 中的字段 '${name}' 无法识别`,
  matchInvalidRegex: (source, reason) => `--match：正则表达式 '${source}' 无效：${reason}`,
  matchHint: '请写成 key:REGEX、value:REGEX 或 header.NAME:REGEX，例如 --match \'value:"status":"failed"\' 或 --match header.source:^ci$。',

  // consume -f 的格式错误
  formatUnknownPlaceholder: (placeholder, position, format) => `--format：'${format}' 第 ${position} 个字符处的占位符 '${placeholder}' 无法识别`,
  formatPlaceholdersHint:
    '可用的占位符：%t 主题，%p 分区，%o 位点，%T 时间戳，%k 键，%s 值，%h 消息头，%K 键的长度，%S 值的长度，%% 表示百分号本身。',
  formatUnknownEscape: (escape, format) => `--format：'${format}' 中的转义 '${escape}' 无法识别`,
  formatEscapesHint: '可用的转义：\\n \\t \\r \\\\ \\0。',

  // check 发现的问题与结论
  checkProduceFailed: (error) => `发送失败：${error}`,
  checkConsumeFailed: (error) => `消费失败：${error}`,
  checkNotReceived: (count, indexes) => `未收到：${count} 条消息，序号 ${indexes}`,
  checkDuplicates: (count) => `重复收到：${count} 条`,
  checkCorrupted: (count) => `收到但内容不完整：${count} 条`,
  checkHeading: (topic, runId, count) => `主题 ${topic}  运行 ID ${runId}  共 ${count} 条消息`,
  checkProduce: '生产',
  checkConsume: '消费',
  checkDelivered: '发送成功',
  checkReceived: '完整收到',
  checkLatency: (stats) => `发送延迟 ${stats}`,
  checkEndToEnd: (stats) => `端到端延迟 ${stats}`,
  checkStats: (min, median, p99, max) => `最小 ${min} ms，中位数 ${median} ms，p99 ${p99} ms，最大 ${max} ms`,
  checkNoStats: '无',
  checkPass: '通过',
  checkFail: (verdict) => `未通过（${verdict}）`,
  checkElapsed: (verdict, seconds) => `${verdict}，用时 ${seconds} 秒`,
  checkNotDelivered: (missing, count) => `${count} 条中有 ${missing} 条未发送成功`,

  // 值前面的标签（终端上加粗）
  labelGroup: '消费分组：',
  labelTopic: '主题：',
  labelPartitions: '分区数：',
  labelMessages: '消息数：',
  labelState: '状态：',
  labelMembers: '成员数：',
  labelTotalLag: '总堆积：',
  labelClusterId: '集群 ID：',
  labelController: '控制器：',
  labelConfig: '配置：',
  labelConfigNotDefault: '配置（非默认值；用 --all-configs 查看全部）：',

  // 表头
  headPartition: '分区',
  headPartitions: '分区数',
  headCurrent: '当前位点',
  headNew: '新位点',
  headLagAfter: '重置后堆积',
  headNote: '备注',
  headGroup: '消费分组',
  headResult: '结果',
  headTopic: '主题',
  headName: '配置项',
  headValue: '值',
  headSource: '来源',
  headId: '节点 ID',
  headAddress: '地址',
  headController: '控制器',
  headReplicationFactor: '副本数',
  headReplicas: '副本',
  headLeader: 'Leader 节点',
  headIsr: 'ISR 副本',
  headLow: '最早位点',
  headHigh: '最新位点',
  headState: '状态',
  headProtocol: '协议',
  headCommitted: '已提交位点',
  headEnd: '最新位点',
  headLag: '堆积',
  headMember: '成员',
  headHost: '主机',

  // 管理与查看表格中的单元格和说明
  yes: '是',
  unknown: '未知',
  deleted: '已删除',
  notDeleted: (message, error) => `未删除：${message}（${error}）`,
  doesNotExist: '不存在',
  sensitive: '（敏感信息，不显示）',
  configSourceNote: '（来源 dynamic：在该主题上设置；default 和 static-broker：不是）',
  allDefaults: '（全部为默认值）',
  offline: (replicas) => `离线 ${replicas}`,
  noTopics: '（没有主题）',
  noGroups: '（没有消费分组）',
  noActiveMembers: '没有活跃成员：该消费分组只有已提交的位点',
  noOffsetsNoPartitions: '（没有已提交的位点，也没有已分配的分区）',

  // group reset-offsets 的计划，以及拒绝执行的原因
  clampedLow: (low) => `已限定为最早保留的位点（${low}）`,
  clampedHigh: (high) => `已限定为末尾位点（${high}）`,
  resetCommitted: (count) => `已提交 ${count} 个分区的新位点`,
  resetDryRun: '试运行：未做任何更改；加上 --execute 才会提交这些位点',
  resetNoPartition: (topic, missing, count, last) => `主题 '${topic}' 没有分区 ${missing}（它共有 ${count} 个分区：0–${last}）`,
  resetNoPartitionHint: '请用 -p 指定存在的分区，或省略 -p 以处理全部分区。',
  resetActiveGroup: (group, count, state, members) =>
    `消费分组 '${group}' 有 ${count} 个活跃成员（状态 ${state}）；只有在分组没有活跃成员时才能重置位点。未做任何更改。成员：\n${members}`,
  resetActiveGroupHint: (group) => `请停止这些消费者后再运行此命令（查看它们：ckafka group describe ${group}）。`,
  resetShiftWithoutCommit: (partitions) => `--shift-by 移动的是已提交的位点，而该消费分组在分区 ${partitions} 上没有已提交的位点`,
  resetShiftWithoutCommitHint: '请对这些分区改用 --to，或用 -p 只选有已提交位点的分区。',
};
