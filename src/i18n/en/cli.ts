import type { Area } from '../catalog.js';

/** English messages: cli (see src/i18n/README.md). */
export const cli = {
  // The program, and commander's own words in every --help (src/cli/help.ts)
  programDescription: 'Produce, consume and check Kafka topics (Tencent Cloud CKafka and any Apache Kafka cluster)',
  versionOption: 'output the version number',
  helpOption: 'display help for command',
  helpCommand: 'display help for command',
  addHelpForUsage: '(add --help for usage)',
  helpUsage: (usage: string) => `Usage: ${usage}`,
  helpTitleArguments: 'Arguments:',
  helpTitleOptions: 'Options:',
  helpTitleGlobalOptions: 'Global Options:',
  helpTitleCommands: 'Commands:',
  helpChoices: (list: string) => `choices: ${list}`,
  helpDefault: (value: string) => `default: ${value}`,
  helpPreset: (value: string) => `preset: ${value}`,
  helpEnv: (name: string) => `env: ${name}`,
  /** Between the parts of the bracket after a description: choices, default… */
  helpExtraSeparator: ', ',
  helpWithExtra: (description: string, extra: string) => `${description} (${extra})`,
  helpExtraOnly: (extra: string) => `(${extra})`,

  // commander's usage errors, recognised by their shape (src/cli/commander-errors.ts)
  unknownOption: (flag: string) => `unknown option '${flag}'`,
  unknownCommand: (name: string) => `unknown command '${name}'`,
  didYouMean: (name: string) => `(Did you mean ${name}?)`,
  didYouMeanOneOf: (names: string) => `(Did you mean one of ${names}?)`,
  missingArgument: (name: string) => `missing required argument '${name}'`,
  optionArgumentMissing: (flags: string) => `option '${flags}' argument missing`,
  requiredOptionMissing: (flags: string) => `required option '${flags}' not specified`,
  tooManyArguments: (expected: number, got: number) => `too many arguments. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
  tooManyArgumentsFor: (command: string, expected: number, got: number) =>
    `too many arguments for '${command}'. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
  invalidOptionArgument: (flags: string, value: string, reason: string) => `option '${flags}' argument '${value}' is invalid. ${reason}`,
  invalidCommandArgument: (value: string, name: string, reason: string) => `command-argument value '${value}' is invalid for argument '${name}'. ${reason}`,
  allowedChoices: (list: string) => `Allowed choices are ${list}.`,

  // Options many commands share (src/cli/options.ts)
  optionConfig: 'config file (ckafka.config.json, .ckafkarc, CKafkaSetting.php); env CKAFKA_CONFIG',
  optionProfile: 'named cluster profile from the config file; env CKAFKA_PROFILE',
  optionBootstrapServers: 'host:port[,host:port…]; env CKAFKA_BOOTSTRAP_SERVERS',
  optionProperty: 'librdkafka property, repeatable (e.g. -X acks=all)',
  optionVerbose: 'more client logging on stderr (repeat for debug)',
  optionOutput: 'output format',
  optionEncoding: 'how keys and values are shown',
  wholeNumberExpected: (name: string, min: number, max: number) => `${name} takes a whole number from ${min} to ${max}, in decimal digits.`,
  /** A flag's value refused by a parser that gives a hint too. */
  flagErrorWithHint: (message: string, hint: string) => `${message} (${hint})`,

  // ckafka produce: help
  produceDescription: 'send messages and print a delivery report for each (default: the demo\'s five, "Message 0".."Message 4")',
  produceMessagesArgument: 'messages to send, one per argument',
  produceTopic: 'topic (default: topic_name from the config)',
  produceCount: 'send N generated messages "Message 0".."Message N-1"',
  produceFile: 'read messages from a file, one per line',
  produceInput: 'input format of lines',
  produceStripCr: 'drop a \\r at the end of each line (text written on Windows); by default every byte but the \\n is sent',
  produceKey: 'the same key for every message',
  produceKeyDelimiter: 'split each line into key and value at the first DELIM',
  produceHeader: 'add a header to every message (repeatable)',
  producePartition: 'send to this partition (default: the partitioner chooses)',
  produceAcks: 'acknowledgements: all (-1), 1 or 0 (default 1, as the demo)',
  produceRetries: 'retries of a failed request (default 0, as the demo)',
  produceCompression: 'compression (CKafka accepts snappy and lz4)',
  produceIdempotent: 'idempotent producer (needs --acks all and --retries > 0)',
  produceQuiet: 'print only the summary',
  // ckafka produce: usage errors and status (src/cli/run/produce.ts)
  produceIdempotentNeeds: (acks: number, retries: number) => `--idempotent needs --acks all and --retries > 0 (now acks=${acks}, retries=${retries})`,
  produceIdempotentHint: 'Add --acks all --retries 5: ckafka does not change the demo\'s acks=1, retries=0 silently.',
  produceTopicCreated: (name: string, partitions: number) =>
    `% created topic '${name}' with ${partitions} partition${partitions === 1 ? '' : 's'}: the cluster creates missing topics (auto.create.topics.enable; -X allow.auto.create.topics=false refuses)\n`,
  produceKeyAndKeyDelimiter: '-k (--key) and -K (--key-delimiter) contradict each other',
  produceKeyAndKeyDelimiterHint: '-k gives every message the same key; -K takes each key from its line. Choose one.',
  produceKeyDelimiterEmpty: '--key-delimiter must not be empty',
  produceKeyDelimiterWithJson: '-K (--key-delimiter) splits text lines; with --input json the key is the "key" field',
  produceStripCrWithJson: '--strip-cr is for text input: JSON lines ignore a trailing \\r already',
  produceOneInput: 'choose one input: message arguments, --file or --count',
  produceHeaderNeedsNameValue: (header: string) => `-H needs name=value, got '${header}'`,

  // ckafka consume: help
  consumeDescription: 'read messages and print them (as the demo\'s Consumer.php: group php-demo, from the earliest, ends after 10 s without a message)',
  consumeTopic: 'topic (default: topic_name from the config)',
  consumeGroup: 'consumer group (default: group_id from the config; without one, all partitions are read without a group)',
  consumePartitions: 'read these partitions without joining a group, e.g. 0,2 or 0-3',
  consumeFrom: 'start at earliest|latest, an OFFSET, -N (N before the end), @MS or an ISO date (default: the group\'s committed offsets, else auto.offset.reset)',
  consumeUntil: 'stop each partition before this position: an OFFSET, @MS or an ISO date (with --from: a window); ends when every partition reached it',
  consumeMatch: 'print only messages whose key:, value: or header.NAME: matches the regex, as shown in --encoding (repeatable: all must match); the others are still consumed',
  consumeCount: 'stop after N messages (with --match: N that match)',
  consumeStopAtEnd: 'stop at the end of the partitions as they were when it started',
  consumeIdleTimeout: 'stop after this long without a message (default 10s, as the demo; e.g. 500ms, 2m)',
  consumeFollow: 'never stop on idleness: wait for new messages until Ctrl-C',
  consumeNoCommit: 'do not move the group\'s offsets (look without consuming)',
  consumeFormat: 'kcat-style format: %t %p %o %T %k %s %h %K %S, \\n \\t (e.g. \'%p:%o %s\\n\')',
  consumeQuiet: 'no status lines on stderr',
  consumeAfterHelp:
    '\nOutput formats: text (readable; colour on a terminal only), json (one RdKafka\\Message object per line), raw (values only), php (the lines of the demo\'s Consumer.php, byte for byte).\n' +
    'Offsets are committed only for messages already written to stdout (with --match: past those read but not matched); Ctrl-C commits them and leaves the group (exit 0).\n' +
    '\nExamples:\n' +
    '  ckafka consume -t orders -e --match \'value:"status":"failed"\' --match header.source:^web$\n' +
    '  ckafka consume -t orders --from 2026-11-26T08:00Z --until 2026-11-26T09:00Z -o json   # one hour',
  // ckafka consume: usage errors and failures (src/cli/commands/consume.ts, src/cli/run/consume.ts)
  consumePartitionsWithGroup: '-p reads partitions without a group: it cannot be combined with -g',
  consumePartitionsWithGroupHint: 'Drop -g to read chosen partitions, or drop -p to read as a group member.',
  consumeFollowWithIdleTimeout: '--follow and --idle-timeout contradict each other',
  consumeFollowWithStopAtEnd: '--follow and -e (--stop-at-end) contradict each other',
  consumeFormatWithOutput: (output: string) => `-f (--format) and -o ${output} contradict each other`,
  consumeFormatWithOutputHint: '-f chooses the output format itself.',
  consumeFormatEmpty: '-f (--format) must not be empty',
  consumeWriteFailed: (reason: string) => `writing the messages to stdout failed: ${reason}`,
  consumeWriteFailedHint: 'Check where stdout goes (a full disk, a file system error); the messages not written are not committed and are read again next time.',

  // ckafka check: help
  checkDescription: 'round-trip smoke check: produce N uniquely tagged messages, read them back, verify each arrived once and intact',
  checkTopic: 'topic to check (default: topic_name from the config)',
  checkCount: 'messages to send, spread over every partition',
  checkSize: 'payload bytes per message',
  checkTimeout: 'bound on the whole check, e.g. 30s, 2m',
  checkAcks: 'acknowledgements (default: the config\'s, 1 as the demo; 0 cannot prove delivery)',
  checkJunit: 'also write a JUnit XML report to FILE',
  checkAfterHelp: '\nExit status: 0 all arrived; 8 sent but not received intact in time; 4 unreachable; 5 authentication/TLS; 6 refused by the broker; 3 configuration.',
  checkTimeoutLimit: (ms: number) => `the --timeout of ${ms} ms`,

  // brokers, topic list|describe|create, group list|describe: help and usage errors
  brokersDescription: 'the cluster id, the controller and the brokers',
  topicInspectDescription: 'list, describe and create topics',
  topicListDescription: 'the topics with partition and replica counts',
  topicListAll: 'include internal topics (__consumer_offsets, …)',
  topicDescribeDescription: 'partitions, leaders, replicas, ISR, low and high watermarks, config',
  topicDescribeArgument: 'the topic',
  topicDescribeAllConfigs: 'show every config, not only those that differ from the default',
  topicCreateDescription: 'create a topic',
  topicCreateArgument: 'the new topic\'s name',
  topicCreatePartitions: 'number of partitions',
  topicCreateReplicas: 'replication factor (default: the broker\'s)',
  topicCreateConfig: 'topic config, repeatable (e.g. --config retention.ms=86400000)',
  topicCreateIfNotExists: 'an existing topic is not an error (exit 0; its settings are left as they are)',
  groupInspectDescription: 'list and describe consumer groups',
  groupListDescription: 'the consumer groups and their state',
  groupDescribeDescription: 'state, members, and per partition the committed offset, end offset and lag',
  topicArgumentInvalid: (reason: string, value: string) => `<topic>: ${reason}, got '${value}'`,
  topicConfigNeedsNameValue: (value: string) => `--config needs name=value, got '${value}'`,
  topicConfigNeedsNameValueHint: 'Topic configs are name=value, e.g. --config retention.ms=86400000.',
  // …and what they print (src/cli/run/inspect.ts)
  topicAlreadyExists: (topic: string) => `topic '${topic}' already exists; left as it is (--if-not-exists)\n`,
  topicCreated: (topic: string, partitions: number) => `created topic '${topic}' with ${partitions} partition(s)\n`,

  // group reset-offsets|delete|delete-offsets, topic delete|alter|config: help and usage errors
  groupDescription: 'list, describe, reset offsets of and delete consumer groups',
  resetOffsetsDescription: 'move a group\'s committed offsets (dry run unless --execute); the group must have no active members',
  resetOffsetsTopic: 'the topic whose offsets move',
  resetOffsetsTo: 'earliest|latest|OFFSET|-N (N before the end)|@MS|ISO-DATE',
  resetOffsetsShiftBy: 'move each committed offset by N (negative: back)',
  resetOffsetsPartitions: 'only these partitions, e.g. 0,2 or 0-3',
  resetOffsetsExecute: 'commit the new offsets (without it nothing changes)',
  resetOffsetsAfterHelp:
    '\nExamples:\n  ckafka group reset-offsets php-demo -t orders --to earliest            # dry run: the table only\n  ckafka group reset-offsets php-demo -t orders --shift-by -100 --execute\n  ckafka group reset-offsets php-demo -t orders --to 2024-06-01T00:00:00Z -p 0,2 --execute',
  resetOffsetsOneTarget: 'give exactly one of --to POSITION and --shift-by N',
  shiftByInvalid: (text: string) => `--shift-by needs a whole number (negative moves back), got '${text}'`,
  groupDeleteDescription: 'delete consumer groups and their committed offsets (refused while a group has members)',
  groupDeleteOffsetsDescription: 'forget the group\'s committed offsets of one topic (Kafka ≥ 2.4; refused while members consume it)',
  groupDeleteOffsetsTopic: 'the topic whose offsets are forgotten',
  topicDescription: 'list, describe, create, alter, configure and delete topics',
  topicDeleteDescription: 'delete topics and their messages; asks to type the names back on a terminal, else needs --yes',
  topicDeleteYes: 'do not ask (required without a terminal)',
  topicDeleteNeedsYes: 'topic delete: without a terminal to confirm on, --yes is required',
  topicDeleteNeedsYesHint: 'Add --yes (-y) to delete without asking.',
  topicAlterDescription: 'raise the number of partitions (Kafka cannot lower it)',
  topicAlterPartitions: 'the new partition count',
  topicConfigDescription: 'the topic\'s configs and where each comes from; --set and --delete change only the named ones',
  topicConfigSet: 'set a config on the topic, repeatable',
  topicConfigDelete: 'remove a config from the topic (back to the broker default), repeatable',
  topicConfigAfterHelp: '\nExamples:\n  ckafka topic config orders\n  ckafka topic config orders --set retention.ms=86400000 --delete cleanup.policy',
  setNeedsNameValue: (value: string) => `--set needs name=value, got '${value}'`,
  deleteNeedsName: (value: string) => `--delete needs a config name, got '${value}'`,
  configGivenTwice: (name: string) => `config '${name}' is given twice`,
  // …and what they print or refuse (src/cli/run/admin.ts)
  groupActiveMembers: (count: number, members: string) => `${count} active member(s): ${members}`,
  groupsNotDeleted: (failed: number, total: number, groups: string) => `${failed} of ${total} group(s) not deleted: ${groups}`,
  groupsNotDeletedMembersHint: 'Stop the group\'s consumers first (ckafka group describe GROUP lists them).',
  groupsNotDeletedHint: 'List groups with: ckafka group list',
  noCommittedOffsets: (group: string, topic: string) => `group '${group}' has no committed offsets for topic '${topic}'`,
  noCommittedOffsetsHint: (group: string) => `See what it has with: ckafka group describe ${group}`,
  offsetsDeleted: (group: string, topic: string, partitions: string) => `deleted the committed offsets of group '${group}' for topic '${topic}' (partition ${partitions})\n`,
  topicDeleteNotConfirmed: 'topic delete: the names typed did not match; nothing was deleted',
  topicDeleteNotConfirmedHint: 'Type the topic names exactly, separated by spaces, or pass --yes.',
  topicDeletePrompt: (count: number, topics: string) => `This deletes ${count} topic(s) and every message in them: ${topics}\nType the name(s) to confirm: `,
  topicDeleteInterrupted: 'topic delete: interrupted; nothing was deleted',
  topicsMissing: (count: number, topics: string) => `${count} topic(s) do not exist: ${topics}`,
  topicsMissingOthersDeleted: (count: number, topics: string, deleted: number) => `${count} topic(s) do not exist: ${topics} (the other ${deleted} were deleted)`,
  topicPartitionsUnchanged: (topic: string, partitions: number) => `topic '${topic}' already has ${partitions} partition(s); nothing changed\n`,
  topicPartitionsRaised: (topic: string, before: number, after: number) => `topic '${topic}': ${before} → ${after} partitions\n`,

  // What a command was doing, in its errors: "<action>: no answer from …" (src/cli/run/*)
  actionProduce: (topic: string) => `produce to '${topic}'`,
  actionConsume: (topic: string) => `consume from '${topic}'`,
  actionCheck: (topic: string) => `check '${topic}'`,
  actionDescribeCluster: 'describe the cluster',
  actionListTopics: 'list topics',
  actionDescribeTopic: (topic: string) => `describe topic '${topic}'`,
  actionCreateTopic: (topic: string) => `create topic '${topic}'`,
  actionListGroups: 'list groups',
  actionDescribeGroup: (group: string) => `describe group '${group}'`,
  actionResetOffsets: (group: string, topic: string) => `reset offsets of group '${group}' on '${topic}'`,
  /** groups: each name quoted, joined by the list separator. */
  actionDeleteGroups: (groups: string) => `delete group ${groups}`,
  actionDeleteOffsets: (group: string, topic: string) => `delete offsets of group '${group}' on '${topic}'`,
  actionDeleteTopics: (topics: string) => `delete topic ${topics}`,
  actionAlterTopic: (topic: string) => `alter topic '${topic}'`,
  actionChangeTopicConfig: (topic: string) => `change the config of topic '${topic}'`,
  actionReadTopicConfig: (topic: string) => `read the config of topic '${topic}'`,
  // Connecting within a time (src/cli/run/connect.ts)
  noAnswer: (action: string, brokers: string, limit: string) => `${action}: no answer from ${brokers} within ${limit}`,
  noAnswerHint: 'Check bootstrap_servers and that this host can reach the access point.',
  limitMs: (ms: number) => `${ms} ms`,

  // ckafka config show|init
  configDescription: 'show the effective configuration, or write a starter ckafka.config.json',
  configShowDescription: 'the effective configuration and where each value came from (secrets redacted)',
  configShowTopic: 'topic, as produce/consume would take it',
  configShowGroup: 'consumer group, as consume would take it',
  configInitDescription: 'write ckafka.config.json in the working directory with the PHP demo\'s settings',
  configInitForce: 'overwrite an existing ckafka.config.json',
  configInitPhp: 'convert this CKafkaSetting.php (read as data, never executed)',
  configInitWrote: (path: string) => `ckafka: wrote ${path}; check it with \`ckafka config show\`\n`,
  configInitWroteSecret: (path: string) => `ckafka: wrote ${path} (it holds a password: mode 0600); check it with \`ckafka config show\`\n`,

  // ckafka completion, and what a Tab offers beside the words
  completionDescription: 'print a shell completion script: commands, flags, their values, and topic and group names from the cluster',
  completionShellArgument: 'the shell',
  completionAfterHelp:
    '\nLoad it in the current shell, or add the line to ~/.bashrc, ~/.zshrc (after compinit) or ~/.config/fish/config.fish:\n' +
    '  bash:  source <(ckafka completion bash)\n' +
    '  zsh:   source <(ckafka completion zsh)\n' +
    '  fish:  ckafka completion fish | source\n' +
    'Topic and group names come from the configured cluster (-b, --config, --profile on the line are used) within 0.8 s\n' +
    '(CKAFKA_COMPLETION_TIMEOUT=2s for a slow link); an unreachable cluster only means no names.',
  completeDescription: 'answer a completion script (internal)',
  completeUnknownShell: (shell: string) => `__complete: unknown shell '${shell}'`,
  completeUnknownShellHint: (shells: string) => `One of ${shells}.`,
  completeEarliest: 'the first message kept',
  completeLatest: 'the end: only new messages',
  completeKey: 'the key matches REGEX',
  completeValue: 'the value matches REGEX',
  completeHeader: 'header.NAME:REGEX, any value of that header',

  // The process's last resort (src/main.ts)
  internalErrorLine: (detail: string) => `ckafka: internal error: ${detail}\n`,
} satisfies Area;
