import type { Catalog } from '../catalog.js';

/** 中文消息：cli（与 ../en/cli.ts 一一对应）。 */
export const cli: Catalog['cli'] = {
  // 程序本身，以及每个 --help 中 commander 自己的用语
  programDescription: '生产、消费和检查 Kafka 主题（腾讯云 CKafka 及任何 Apache Kafka 集群）',
  versionOption: '输出版本号',
  helpOption: '显示命令的帮助',
  helpCommand: '显示命令的帮助',
  addHelpForUsage: '（加上 --help 查看用法）',
  helpUsage: (usage) => `用法：${usage}`,
  helpTitleArguments: '参数：',
  helpTitleOptions: '选项：',
  helpTitleGlobalOptions: '全局选项：',
  helpTitleCommands: '命令：',
  helpChoices: (list) => `可选值：${list}`,
  helpDefault: (value) => `默认：${value}`,
  helpPreset: (value) => `预设：${value}`,
  helpEnv: (name) => `环境变量：${name}`,
  helpExtraSeparator: '；',
  helpWithExtra: (description, extra) => `${description}（${extra}）`,
  helpExtraOnly: (extra) => `（${extra}）`,

  // commander 的用法错误
  unknownOption: (flag) => `未知选项 '${flag}'`,
  unknownCommand: (name) => `未知命令 '${name}'`,
  didYouMean: (name) => `（您是指 ${name} 吗？）`,
  didYouMeanOneOf: (names) => `（您是指 ${names} 中的一个吗？）`,
  missingArgument: (name) => `缺少必需的参数 '${name}'`,
  optionArgumentMissing: (flags) => `选项 '${flags}' 缺少取值`,
  requiredOptionMissing: (flags) => `未指定必需的选项 '${flags}'`,
  tooManyArguments: (expected, got) => `参数过多：应为 ${expected} 个，实际为 ${got} 个。`,
  tooManyArgumentsFor: (command, expected, got) => `'${command}' 的参数过多：应为 ${expected} 个，实际为 ${got} 个。`,
  invalidOptionArgument: (flags, value, reason) => `选项 '${flags}' 的取值 '${value}' 无效：${reason}`,
  invalidCommandArgument: (value, name, reason) => `参数 '${name}' 的取值 '${value}' 无效：${reason}`,
  allowedChoices: (list) => `可选值为 ${list}。`,

  // 多个命令共用的选项
  optionConfig: '配置文件（ckafka.config.json、.ckafkarc、CKafkaSetting.php）；环境变量 CKAFKA_CONFIG',
  optionProfile: '配置文件中集群配置档（profile）的名称；环境变量 CKAFKA_PROFILE',
  optionBootstrapServers: '接入点（bootstrap servers），host:port[,host:port…]；环境变量 CKAFKA_BOOTSTRAP_SERVERS',
  optionProperty: 'librdkafka 配置项，可重复（例如 -X acks=all）',
  optionVerbose: '在 stderr 输出更多客户端日志（重复使用可输出调试日志）',
  optionOutput: '输出格式',
  optionEncoding: '键（key）和值（value）的显示方式',
  wholeNumberExpected: (name, min, max) => `${name} 须为 ${min} 到 ${max} 之间的整数（十进制数字）。`,
  flagErrorWithHint: (message, hint) => `${message}（${hint}）`,

  // ckafka produce：帮助
  produceDescription: '发送消息并逐条输出发送结果（默认：与 Demo 相同的五条消息 "Message 0".."Message 4"）',
  produceMessagesArgument: '要发送的消息，每个参数一条',
  produceTopic: '主题（默认：配置中的 topic_name）',
  produceCount: '发送 N 条生成的消息 "Message 0".."Message N-1"',
  produceFile: '从文件读取消息，每行一条',
  produceInput: '输入行的格式',
  produceStripCr: '去掉每行末尾的 \\r（Windows 下编写的文本）；默认除 \\n 外每个字节都会发送',
  produceKey: '所有消息使用同一个键（key）',
  produceKeyDelimiter: '在第一个 DELIM 处把每行拆分为键（key）和值（value）',
  produceHeader: '为每条消息添加一个消息头（header），可重复',
  producePartition: '发送到此分区（默认：由分区器选择）',
  produceAcks: '确认机制 acks：all（-1）、1 或 0（默认 1，与 Demo 相同）',
  produceRetries: '请求失败时的重试次数（默认 0，与 Demo 相同）',
  produceCompression: '压缩方式（CKafka 支持 snappy 和 lz4）',
  produceIdempotent: '幂等生产者（需要 --acks all 且 --retries > 0）',
  produceQuiet: '只输出汇总',
  // ckafka produce：用法错误和状态行
  produceIdempotentNeeds: (acks, retries) => `--idempotent 需要 --acks all 且 --retries > 0（当前 acks=${acks}，retries=${retries}）`,
  produceIdempotentHint: '请加上 --acks all --retries 5：ckafka 不会悄悄改掉 Demo 的 acks=1、retries=0。',
  produceTopicCreated: (name, partitions) =>
    `% 已创建主题 '${name}'，共 ${partitions} 个分区：集群会自动创建不存在的主题（auto.create.topics.enable；用 -X allow.auto.create.topics=false 可拒绝）\n`,
  produceKeyAndKeyDelimiter: '-k（--key）与 -K（--key-delimiter）不能同时使用',
  produceKeyAndKeyDelimiterHint: '-k 为所有消息指定同一个键；-K 从每一行中取出键。请二选一。',
  produceKeyDelimiterEmpty: '--key-delimiter 不能为空',
  produceKeyDelimiterWithJson: '-K（--key-delimiter）用于拆分文本行；使用 --input json 时，键取自 "key" 字段',
  produceStripCrWithJson: '--strip-cr 仅用于文本输入：JSON 行本来就会忽略末尾的 \\r',
  produceOneInput: '只能选择一种输入：消息参数、--file 或 --count',
  produceHeaderNeedsNameValue: (header) => `-H 的格式应为 name=value，实际为 '${header}'`,

  // ckafka consume：帮助
  consumeDescription: '读取并输出消息（与 Demo 的 Consumer.php 相同：消费分组 php-demo，从最早的消息开始，10 秒内没有新消息即结束）',
  consumeTopic: '主题（默认：配置中的 topic_name）',
  consumeGroup: '消费分组（默认：配置中的 group_id；没有时不加入消费分组，读取所有分区）',
  consumePartitions: '不加入消费分组，只读取这些分区，例如 0,2 或 0-3',
  consumeFrom: '起始位置：earliest|latest、位点 OFFSET、-N（末尾之前 N 条）、@MS 或 ISO 日期（默认：消费分组已提交的位点，没有时按 auto.offset.reset）',
  consumeUntil: '每个分区读到此位置之前停止：位点 OFFSET、@MS 或 ISO 日期（与 --from 一起即为一个时间窗口）；所有分区都到达后结束',
  consumeMatch: '只输出键（key:）、值（value:）或消息头（header.NAME:）匹配正则表达式的消息，按 --encoding 显示的形式匹配（可重复：须全部匹配）；其余消息照常消费',
  consumeCount: '读取 N 条消息后停止（使用 --match 时：N 条匹配的消息）',
  consumeStopAtEnd: '读到启动时各分区的末尾即停止',
  consumeIdleTimeout: '持续这么久没有消息就停止（默认 10s，与 Demo 相同；例如 500ms、2m）',
  consumeFollow: '不因空闲而停止：一直等待新消息，直到按下 Ctrl-C',
  consumeNoCommit: '不移动消费分组的位点（只查看，不消费）',
  consumeFormat: 'kcat 风格的格式：%t %p %o %T %k %s %h %K %S、\\n \\t（例如 \'%p:%o %s\\n\'）',
  consumeQuiet: '不在 stderr 输出状态行',
  consumeAfterHelp:
    '\n输出格式：text（便于阅读；仅在终端上着色）、json（每行一个 RdKafka\\Message\n' +
    '对象）、raw（仅输出值）、php（与 Demo 的 Consumer.php 输出逐字节相同）。\n' +
    '只为已写到 stdout 的消息提交位点（使用 --match 时：也包括已读取但未匹配的\n' +
    '消息）；按 Ctrl-C 会提交这些位点并离开消费分组（退出码 0）。\n' +
    '\n示例：\n' +
    '  ckafka consume -t orders -e --match \'value:"status":"failed"\' --match header.source:^web$\n' +
    '  ckafka consume -t orders --from 2026-11-26T08:00Z --until 2026-11-26T09:00Z -o json   # 一小时内的消息',
  // ckafka consume：用法错误和失败
  consumePartitionsWithGroup: '-p 不加入消费分组读取分区：不能与 -g 同时使用',
  consumePartitionsWithGroupHint: '去掉 -g 可读取指定的分区，去掉 -p 则以消费分组成员的身份读取。',
  consumeFollowWithIdleTimeout: '--follow 与 --idle-timeout 相互矛盾',
  consumeFollowWithStopAtEnd: '--follow 与 -e（--stop-at-end）相互矛盾',
  consumeFormatWithOutput: (output) => `-f（--format）与 -o ${output} 相互矛盾`,
  consumeFormatWithOutputHint: '-f 本身就决定了输出格式。',
  consumeFormatEmpty: '-f（--format）不能为空',
  consumeWriteFailed: (reason) => `将消息写入 stdout 失败：${reason}`,
  consumeWriteFailedHint: '请检查 stdout 的去向（磁盘已满、文件系统错误）；未写出的消息不会提交位点，下次会重新读取。',

  // ckafka check：帮助
  checkDescription: '端到端冒烟检查：生产 N 条带唯一标记的消息并读回，验证每条都恰好到达一次且内容完整',
  checkTopic: '要检查的主题（默认：配置中的 topic_name）',
  checkCount: '要发送的消息数，分布到每个分区',
  checkSize: '每条消息的消息体字节数',
  checkTimeout: '整个检查的时间上限，例如 30s、2m',
  checkAcks: '确认机制 acks（默认：取配置中的值，与 Demo 一样为 1；为 0 时无法证明消息已送达）',
  checkJunit: '同时将 JUnit XML 报告写入 FILE',
  checkAfterHelp: '\n退出码：0 全部到达；8 已发送但未在时限内完整收到；4 无法连接；\n5 认证/TLS 失败；6 被 Broker 拒绝；3 配置错误。',
  checkTimeoutLimit: (ms) => `--timeout 规定的 ${ms} 毫秒`,

  // brokers、topic list|describe|create、group list|describe：帮助和用法错误
  brokersDescription: '集群 ID、Controller 和各个 Broker',
  topicInspectDescription: '列出、查看和创建主题',
  topicListDescription: '各主题及其分区数和副本数',
  topicListAll: '包括内部主题（__consumer_offsets 等）',
  topicDescribeDescription: '分区、Leader、副本、ISR、最低和最高水位、配置',
  topicDescribeArgument: '主题名称',
  topicDescribeAllConfigs: '显示全部配置，而不只是与默认值不同的配置',
  topicCreateDescription: '创建主题',
  topicCreateArgument: '新主题的名称',
  topicCreatePartitions: '分区数',
  topicCreateReplicas: '副本数（默认：由 Broker 决定）',
  topicCreateConfig: '主题配置，可重复（例如 --config retention.ms=86400000）',
  topicCreateIfNotExists: '主题已存在时不报错（退出码 0；已有设置保持不变）',
  groupInspectDescription: '列出和查看消费分组',
  groupListDescription: '各消费分组及其状态',
  groupDescribeDescription: '状态、成员，以及每个分区已提交的位点、末尾位点和堆积',
  topicArgumentInvalid: (reason, value) => `<topic>：${reason}，实际为 '${value}'`,
  topicConfigNeedsNameValue: (value) => `--config 的格式应为 name=value，实际为 '${value}'`,
  topicConfigNeedsNameValueHint: '主题配置的格式为 name=value，例如 --config retention.ms=86400000。',
  // ……以及它们的输出
  topicAlreadyExists: (topic) => `主题 '${topic}' 已存在，保持不变（--if-not-exists）\n`,
  topicCreated: (topic, partitions) => `已创建主题 '${topic}'，共 ${partitions} 个分区\n`,

  // group reset-offsets|delete|delete-offsets、topic delete|alter|config：帮助和用法错误
  groupDescription: '列出、查看、重置位点和删除消费分组',
  resetOffsetsDescription: '移动消费分组已提交的位点（不加 --execute 时只试运行）；消费分组中不能有活跃成员',
  resetOffsetsTopic: '要移动位点的主题',
  resetOffsetsTo: 'earliest|latest|OFFSET|-N（末尾之前 N 条）|@MS|ISO 日期',
  resetOffsetsShiftBy: '将每个已提交的位点移动 N（负数表示往回移）',
  resetOffsetsPartitions: '只处理这些分区，例如 0,2 或 0-3',
  resetOffsetsExecute: '提交新的位点（不加此选项则不做任何更改）',
  resetOffsetsAfterHelp:
    '\n示例：\n  ckafka group reset-offsets php-demo -t orders --to earliest            # 试运行：只显示表格\n  ckafka group reset-offsets php-demo -t orders --shift-by -100 --execute\n  ckafka group reset-offsets php-demo -t orders --to 2024-06-01T00:00:00Z -p 0,2 --execute',
  resetOffsetsOneTarget: '--to POSITION 与 --shift-by N 须指定且只能指定其中一个',
  shiftByInvalid: (text) => `--shift-by 需要一个整数（负数表示往回移），实际为 '${text}'`,
  groupDeleteDescription: '删除消费分组及其已提交的位点（消费分组中还有成员时拒绝）',
  groupDeleteOffsetsDescription: '清除消费分组在某个主题上已提交的位点（Kafka ≥ 2.4；有成员正在消费该主题时拒绝）',
  groupDeleteOffsetsTopic: '要清除位点的主题',
  topicDescription: '列出、查看、创建、修改、配置和删除主题',
  topicDeleteDescription: '删除主题及其中的消息；在终端上会要求再次输入主题名确认，否则需要 --yes',
  topicDeleteYes: '不询问（没有终端时必须指定）',
  topicDeleteNeedsYes: 'topic delete：没有可用于确认的终端，必须指定 --yes',
  topicDeleteNeedsYesHint: '加上 --yes（-y）即可不经询问直接删除。',
  topicAlterDescription: '增加分区数（Kafka 不能减少分区）',
  topicAlterPartitions: '新的分区数',
  topicConfigDescription: '主题的配置及每项的来源；--set 和 --delete 只修改指定的配置',
  topicConfigSet: '为主题设置一项配置，可重复',
  topicConfigDelete: '删除主题的一项配置（恢复为 Broker 的默认值），可重复',
  topicConfigAfterHelp: '\n示例：\n  ckafka topic config orders\n  ckafka topic config orders --set retention.ms=86400000 --delete cleanup.policy',
  setNeedsNameValue: (value) => `--set 的格式应为 name=value，实际为 '${value}'`,
  deleteNeedsName: (value) => `--delete 需要一个配置名，实际为 '${value}'`,
  configGivenTwice: (name) => `配置 '${name}' 被指定了两次`,
  // ……以及它们的输出和拒绝
  groupActiveMembers: (count, members) => `有 ${count} 个活跃成员：${members}`,
  groupsNotDeleted: (failed, total, groups) => `${total} 个消费分组中有 ${failed} 个未删除：${groups}`,
  groupsNotDeletedMembersHint: '请先停止该消费分组的消费者（ckafka group describe GROUP 会列出它们）。',
  groupsNotDeletedHint: '列出消费分组：ckafka group list',
  noCommittedOffsets: (group, topic) => `消费分组 '${group}' 在主题 '${topic}' 上没有已提交的位点`,
  noCommittedOffsetsHint: (group) => `查看它有哪些位点：ckafka group describe ${group}`,
  offsetsDeleted: (group, topic, partitions) => `已删除消费分组 '${group}' 在主题 '${topic}' 上已提交的位点（分区 ${partitions}）\n`,
  topicDeleteNotConfirmed: 'topic delete：输入的名称不一致，未删除任何主题',
  topicDeleteNotConfirmedHint: '请准确输入主题名，以空格分隔，或加上 --yes。',
  topicDeletePrompt: (count, topics) => `将删除 ${count} 个主题及其中的全部消息：${topics}\n请输入主题名以确认：`,
  topicDeleteInterrupted: 'topic delete：已中断，未删除任何主题',
  topicsMissing: (count, topics) => `${count} 个主题不存在：${topics}`,
  topicsMissingOthersDeleted: (count, topics, deleted) => `${count} 个主题不存在：${topics}（其余 ${deleted} 个已删除）`,
  topicPartitionsUnchanged: (topic, partitions) => `主题 '${topic}' 已有 ${partitions} 个分区，未做更改\n`,
  topicPartitionsRaised: (topic, before, after) => `主题 '${topic}'：${before} → ${after} 个分区\n`,

  // 命令在做什么（出现在错误中：“<操作>：……没有应答”）
  actionProduce: (topic) => `向主题 '${topic}' 发送消息`,
  actionConsume: (topic) => `从主题 '${topic}' 消费消息`,
  actionCheck: (topic) => `检查主题 '${topic}'`,
  actionDescribeCluster: '查看集群',
  actionListTopics: '列出主题',
  actionDescribeTopic: (topic) => `查看主题 '${topic}'`,
  actionCreateTopic: (topic) => `创建主题 '${topic}'`,
  actionListGroups: '列出消费分组',
  actionDescribeGroup: (group) => `查看消费分组 '${group}'`,
  actionResetOffsets: (group, topic) => `重置消费分组 '${group}' 在 '${topic}' 上的位点`,
  actionDeleteGroups: (groups) => `删除消费分组 ${groups}`,
  actionDeleteOffsets: (group, topic) => `删除消费分组 '${group}' 在 '${topic}' 上的位点`,
  actionDeleteTopics: (topics) => `删除主题 ${topics}`,
  actionAlterTopic: (topic) => `修改主题 '${topic}'`,
  actionChangeTopicConfig: (topic) => `修改主题 '${topic}' 的配置`,
  actionReadTopicConfig: (topic) => `读取主题 '${topic}' 的配置`,
  // 在限定时间内连接
  noAnswer: (action, brokers, limit) => `${action}：${brokers} 在 ${limit}内没有应答`,
  noAnswerHint: '请检查 bootstrap_servers，并确认本机能访问该接入点。',
  limitMs: (ms) => `${ms} 毫秒`,

  // ckafka config show|init
  configDescription: '显示生效的配置，或生成一个初始的 ckafka.config.json',
  configShowDescription: '生效的配置及每个值的来源（密码等敏感信息已隐去）',
  configShowTopic: '主题，取值方式与 produce/consume 相同',
  configShowGroup: '消费分组，取值方式与 consume 相同',
  configInitDescription: '在当前工作目录写入 ckafka.config.json，内容为 PHP Demo 的配置',
  configInitForce: '覆盖已有的 ckafka.config.json',
  configInitPhp: '转换此 CKafkaSetting.php（只作为数据读取，从不执行）',
  configInitWrote: (path) => `ckafka: 已写入 ${path}；可用 \`ckafka config show\` 检查\n`,
  configInitWroteSecret: (path) => `ckafka: 已写入 ${path}（其中含有密码：权限为 0600）；可用 \`ckafka config show\` 检查\n`,

  // ckafka completion，以及按 Tab 时在候选词旁显示的说明
  completionDescription: '输出 shell 补全脚本：命令、选项及其取值，以及从集群获取的主题和消费分组名称',
  completionShellArgument: 'shell 的种类',
  completionAfterHelp:
    '\n在当前 shell 中加载，或将对应的一行加入 ~/.bashrc、~/.zshrc（放在 compinit\n' +
    '之后）或 ~/.config/fish/config.fish：\n' +
    '  bash:  source <(ckafka completion bash)\n' +
    '  zsh:   source <(ckafka completion zsh)\n' +
    '  fish:  ckafka completion fish | source\n' +
    '主题和消费分组名称在 0.8 秒内从配置的集群获取（会使用命令行上的 -b、--config、\n' +
    '--profile；链路较慢时可设置 CKAFKA_COMPLETION_TIMEOUT=2s）；集群无法连接时只是\n' +
    '没有名称可补全。',
  completeDescription: '应答补全脚本（内部使用）',
  completeUnknownShell: (shell) => `__complete：未知的 shell '${shell}'`,
  completeUnknownShellHint: (shells) => `可选：${shells}。`,
  completeEarliest: '保留的第一条消息',
  completeLatest: '末尾：只读新消息',
  completeKey: '键（key）匹配 REGEX',
  completeValue: '值（value）匹配 REGEX',
  completeHeader: 'header.NAME:REGEX，该消息头（header）的任一值匹配',

  // 进程的最后一道防线
  internalErrorLine: (detail) => `ckafka: 内部错误：${detail}\n`,
};
