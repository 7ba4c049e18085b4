import { loadConfig, requireBootstrapServers } from '../../config/index.js';
import type { ConfigRequest } from '../../config/types.js';
import { CkafkaError } from '../../errors/errors.js';
import * as admin from '../../kafka/admin.js';
import type { ConfigChange } from '../../kafka/admin-requests.js';
import { createKafka } from '../../kafka/client.js';
import { translateKafkaError } from '../../kafka/errors.js';
import { deleteGroup, deleteGroupOffsets, groupMembers, groupOffsetsSeam } from '../../kafka/group-admin.js';
import { committedOffsets, missingTopic, topicPartitionIds } from '../../kafka/topic-offsets.js';
import { addPartitions, alterTopicConfigs, deleteTopics, splitKnownTopics, topicConfigs } from '../../kafka/topic-admin.js';
import { resetOffsets, type ResetRequest } from '../../ops/reset-offsets.js';
import { readAnswer } from '../../io/answer.js';
import { colorFor } from '../../format/color.js';
import { inspectJson } from '../../format/inspect.js';
import * as render from '../../format/admin.js';
import { connectBudget, openWithin } from './connect.js';
import type { RunContext } from '../program.js';
import { t } from '../../i18n/index.js';

/** What a changing admin command asks for (flags already checked). */
export type AdminRequest =
  | { kind: 'group-reset-offsets'; reset: ResetRequest }
  | { kind: 'group-delete'; groupIds: string[] }
  | { kind: 'group-delete-offsets'; groupId: string; topic: string }
  | { kind: 'topic-delete'; topics: string[]; yes: boolean }
  | { kind: 'topic-alter'; topic: string; partitions: number }
  | { kind: 'topic-config'; topic: string; changes: ConfigChange[] };

type Admin = Awaited<ReturnType<typeof admin.openAdmin>>;
type Color = ReturnType<typeof colorFor>;

/** Runs one admin command; returns the exit code (a refusal or partial failure throws after printing what was done). */
export async function runAdmin(ctx: RunContext, configRequest: ConfigRequest, request: AdminRequest, verbosity = 0): Promise<number> {
  const config = await loadConfig(configRequest);
  const brokers = requireBootstrapServers(config);
  const kafka = createKafka({ ...config.client, brokers }, { stderr: ctx.io.stderr, verbosity });
  const action = describe(request);
  const client = await openWithin(admin.openAdmin(kafka, brokers), connectBudget(config.client), { action, brokers, close: (a) => a.disconnect() });
  try {
    await perform(ctx, client, request, colorFor(ctx.io.stdout, ctx.io.env));
    return 0;
  } catch (error) {
    throw translateKafkaError(error, { action, brokers });
  } finally {
    await client.disconnect().catch(() => undefined);
  }
}

async function perform(ctx: RunContext, client: Admin, request: AdminRequest, c: Color): Promise<void> {
  const json = ctx.outputJson;
  const print = (text: string) => void ctx.io.stdout.write(text);
  switch (request.kind) {
    case 'group-reset-offsets': {
      const result = await resetOffsets(groupOffsetsSeam(client), request.reset);
      return print(json ? render.resetJson(result) : render.resetText(result, c));
    }
    case 'group-delete': {
      const results = [];
      for (const groupId of request.groupIds) {
        // The members are listed in the refusal (the broker's NON_EMPTY_GROUP does not name them).
        const { members } = await groupMembers(client, groupId);
        results.push(
          members.length > 0
            ? { groupId, deleted: false, error: 'NON_EMPTY_GROUP', message: t.cli.groupActiveMembers(members.length, members.map((m) => `${m.clientId} ${m.host}`).join(t.common.listSeparator)) }
            : await deleteGroup(client, groupId),
        );
      }
      print(json ? inspectJson(results) : render.groupDeleteText(results, c));
      const failed = results.filter((r) => !r.deleted);
      if (failed.length > 0) {
        throw new CkafkaError('broker', t.cli.groupsNotDeleted(failed.length, results.length, failed.map((f) => `${f.groupId} (${f.error})`).join(t.common.listSeparator)), {
          hint: failed.some((f) => f.error === 'NON_EMPTY_GROUP') ? t.cli.groupsNotDeletedMembersHint : t.cli.groupsNotDeletedHint,
        });
      }
      return;
    }
    case 'group-delete-offsets': {
      const { groupId, topic } = request;
      const partitions = await topicPartitionIds(client, topic);
      const committed = await committedOffsets(client, groupId, topic);
      if (committed.size === 0) {
        throw new CkafkaError('broker', t.cli.noCommittedOffsets(groupId, topic), { hint: t.cli.noCommittedOffsetsHint(groupId) });
      }
      await deleteGroupOffsets(client, groupId, topic, partitions);
      const forgotten = [...committed.keys()].sort((a, b) => a - b);
      return print(json ? inspectJson({ groupId, topic, deletedPartitions: forgotten }) : t.cli.offsetsDeleted(groupId, topic, forgotten.join(t.common.listSeparator)));
    }
    case 'topic-delete': {
      const { known, unknown, names } = await splitKnownTopics(client, request.topics);
      if (known.length > 0 && !request.yes && !(await confirmed(ctx, known))) {
        throw new CkafkaError('usage', t.cli.topicDeleteNotConfirmed, { hint: t.cli.topicDeleteNotConfirmedHint });
      }
      await deleteTopics(client, known);
      print(json ? inspectJson({ deleted: known, unknown }) : render.topicDeleteText(known, unknown, c));
      if (unknown.length > 0) {
        const first = missingTopic(unknown[0]!, names);
        const list = unknown.join(t.common.listSeparator);
        const message = known.length > 0 ? t.cli.topicsMissingOthersDeleted(unknown.length, list, known.length) : t.cli.topicsMissing(unknown.length, list);
        throw new CkafkaError('broker', message, { hint: first.hint });
      }
      return;
    }
    case 'topic-alter': {
      const { before, after } = await addPartitions(client, request.topic, request.partitions);
      return print(json ? inspectJson({ topic: request.topic, partitionsBefore: before, partitions: after })
        : before === after ? t.cli.topicPartitionsUnchanged(request.topic, after) : t.cli.topicPartitionsRaised(request.topic, before, after));
    }
    case 'topic-config': {
      if (request.changes.length > 0) await alterTopicConfigs(client, request.topic, request.changes);
      const entries = await topicConfigs(client, request.topic);
      return print(json ? inspectJson({ topic: request.topic, configs: entries }) : render.topicConfigText(request.topic, entries, c));
    }
  }
}

/** On a terminal: the names to delete must be typed back (any order, spaces or commas between). */
async function confirmed(ctx: RunContext, topics: string[]): Promise<boolean> {
  ctx.io.stderr.write(t.cli.topicDeletePrompt(topics.length, topics.join(t.common.listSeparator)));
  const answer = await readAnswer(ctx.io.stdin, ctx.io.signal);
  if (ctx.io.signal.aborted) throw ctx.io.signal.reason instanceof CkafkaError ? ctx.io.signal.reason : new CkafkaError('interrupted', t.cli.topicDeleteInterrupted);
  if (answer === null) return false;
  const typed = new Set(answer.split(/[\s,]+/).filter((s) => s !== ''));
  return typed.size === topics.length && topics.every((name) => typed.has(name));
}

function describe(request: AdminRequest): string {
  switch (request.kind) {
    case 'group-reset-offsets':
      return t.cli.actionResetOffsets(request.reset.groupId, request.reset.topic);
    case 'group-delete':
      return t.cli.actionDeleteGroups(quotedList(request.groupIds));
    case 'group-delete-offsets':
      return t.cli.actionDeleteOffsets(request.groupId, request.topic);
    case 'topic-delete':
      return t.cli.actionDeleteTopics(quotedList(request.topics));
    case 'topic-alter':
      return t.cli.actionAlterTopic(request.topic);
    case 'topic-config':
      return request.changes.length > 0 ? t.cli.actionChangeTopicConfig(request.topic) : t.cli.actionReadTopicConfig(request.topic);
  }
}

const quotedList = (names: string[]) => names.map((n) => `'${n}'`).join(t.common.listSeparator);
