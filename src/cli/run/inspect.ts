import { loadConfig, requireBootstrapServers } from '../../config/index.js';
import type { ConfigRequest } from '../../config/types.js';
import * as admin from '../../kafka/admin.js';
import { createKafka } from '../../kafka/client.js';
import { translateKafkaError } from '../../kafka/errors.js';
import { coordinatorWait } from '../../kafka/coordinator-retry.js';
import { createTopic, TOPIC_WAIT_MS, type CreateTopicRequest } from '../../kafka/topic-create.js';
import { connectBudget, openWithin } from './connect.js';
import { colorFor } from '../../format/color.js';
import * as render from '../../format/inspect.js';
import type { RunContext } from '../program.js';
import { t } from '../../i18n/index.js';

/** What an inspection command asks for. */
export type InspectRequest =
  | { kind: 'brokers' }
  | { kind: 'topic-list'; all: boolean }
  | { kind: 'topic-describe'; topic: string; allConfigs: boolean }
  | { kind: 'topic-create'; create: CreateTopicRequest; ifNotExists?: boolean }
  | { kind: 'group-list' }
  | { kind: 'group-describe'; groupId: string };

/** Runs one inspection against the cluster and prints it as text or JSON. */
export async function runInspect(ctx: RunContext, configRequest: ConfigRequest, request: InspectRequest, json: boolean, verbosity = 0): Promise<number> {
  const config = await loadConfig(configRequest);
  const brokers = requireBootstrapServers(config);
  const kafka = createKafka({ ...config.client, brokers }, { stderr: ctx.io.stderr, verbosity });
  const client = await openWithin(admin.openAdmin(kafka, brokers), connectBudget(config.client), {
    action: describe(request), brokers, close: (a) => a.disconnect(),
  });
  try {
    const text = await untilAborted(inspect(client, request, json, colorFor(ctx.io.stdout, ctx.io.env), ctx.io.signal), ctx.io.signal);
    ctx.io.stdout.write(text);
    return 0;
  } catch (error) {
    throw translateKafkaError(error, { action: describe(request), brokers });
  } finally {
    await client.disconnect().catch(() => undefined);
  }
}

type Admin = Awaited<ReturnType<typeof admin.openAdmin>>;

async function inspect(client: Admin, request: InspectRequest, json: boolean, c: ReturnType<typeof colorFor>, signal: AbortSignal): Promise<string> {
  switch (request.kind) {
    case 'brokers': {
      const info = await admin.clusterInfo(client);
      return json ? render.inspectJson(info) : render.brokersText(info, c);
    }
    case 'topic-list': {
      const topics = (await admin.listTopics(client)).filter((topic) => request.all || !topic.internal);
      return json ? render.inspectJson(topics) : render.topicsText(topics, c);
    }
    case 'topic-describe': {
      const topic = await admin.describeTopic(client, request.topic);
      return json ? render.inspectJson(topic) : render.topicText(topic, c, request.allConfigs);
    }
    case 'topic-create': {
      try {
        await createTopic(client, request.create, { deadline: Date.now() + TOPIC_WAIT_MS, signal });
      } catch (error) {
        // Whatever the error, --if-not-exists is satisfied when the topic is there now.
        if (!request.ifNotExists || !(await admin.listTopics(client)).some((topic) => topic.name === request.create.topic)) throw error;
        const existing = { created: null, exists: request.create.topic };
        return json ? render.inspectJson(existing) : t.cli.topicAlreadyExists(request.create.topic);
      }
      const created = { created: request.create.topic, partitions: request.create.partitions, replication_factor: request.create.replicationFactor };
      return json ? render.inspectJson(created) : t.cli.topicCreated(request.create.topic, request.create.partitions);
    }
    case 'group-list': {
      const groups = await admin.listGroups(client, coordinatorWait(undefined, describe(request), { signal }));
      return json ? render.inspectJson(groups) : render.groupsText(groups, c);
    }
    case 'group-describe': {
      const group = await admin.describeGroup(client, request.groupId, coordinatorWait(request.groupId, describe(request), { signal }));
      return json ? render.inspectJson(group) : render.groupText(group, c);
    }
  }
}

/** Ctrl-C (or SIGTERM) ends the command at once with the signal's reason (exit 130), not after kafkajs's retries. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

function describe(request: InspectRequest): string {
  switch (request.kind) {
    case 'brokers':
      return t.cli.actionDescribeCluster;
    case 'topic-list':
      return t.cli.actionListTopics;
    case 'topic-describe':
      return t.cli.actionDescribeTopic(request.topic);
    case 'topic-create':
      return t.cli.actionCreateTopic(request.create.topic);
    case 'group-list':
      return t.cli.actionListGroups;
    case 'group-describe':
      return t.cli.actionDescribeGroup(request.groupId);
  }
}
