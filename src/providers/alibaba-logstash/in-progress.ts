/**
 * Logstash's runs in progress (`if-running`): the API has no run object, and a deploy restarts the
 * whole instance, so an instance that is `activating` (DescribeLogstash's status,
 * __fixtures__/alibaba-elasticsearch-apis.json) is a deploy in progress for every pipeline of the
 * step. No API cancels it: `cancel-previous` is refused.
 */
import type { InProgressRuns, RunHandle } from '../types.ts';
import type { LogstashClient } from './client.ts';
import type { LogstashData } from './schemas.ts';

export function logstashInProgress(
  client: LogstashClient,
  handle: (pipeline: string) => RunHandle<LogstashData>,
): InProgressRuns<LogstashData> {
  return {
    list: async (pipelines) => {
      const { status } = await client.describeLogstash();
      if (status !== 'activating') return pipelines.map(() => undefined);
      return pipelines.map((p) => ({ handle: handle(p), status: `instance ${status}` }));
    },
    refuses: {
      'cancel-previous':
        'no Alibaba Cloud API cancels a deploy in progress (StopPipelines stops pipelines, it does not end an instance change)',
    },
  };
}
