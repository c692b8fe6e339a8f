import { setTimeout as sleep } from 'node:timers/promises';
import type { Server } from 'node:http';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';

/** A task the scaffolder ran to its end, as its API reports it. */
export type TaskRunResult = {
  status: 'completed' | 'failed' | 'cancelled';
  /** The log messages, in order. */
  messages: string[];
  /** The template's output, when it completed. */
  output?: JsonObject & {
    links?: JsonObject[];
    text?: Array<{ title: string; content: string }>;
  };
  /** The error, when it failed. */
  error?: { name: string; message: string };
};

const FINISHED = ['completed', 'failed', 'cancelled'];

/**
 * Runs a template registered in the catalog as a real task, the way the Create page does
 * (`POST /api/scaffolder/v2/tasks`), and waits for the scaffolder's task worker to finish it.
 */
export async function runTemplateTask(
  server: Server,
  template: string,
  values: JsonObject,
  timeoutMs = 60_000,
): Promise<TaskRunResult> {
  const auth = mockCredentials.user.header();
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', auth)
    .send({ templateRef: `template:default/${template}`, values });
  if (created.status !== 201) {
    throw new Error(
      `Creating a ${template} task answered ${created.status}: ${JSON.stringify(
        created.body,
      )}`,
    );
  }
  const taskUrl = `/api/scaffolder/v2/tasks/${created.body.id}`;
  const deadline = Date.now() + timeoutMs;
  let status: string;
  for (;;) {
    const task = await request(server).get(taskUrl).set('Authorization', auth);
    status = task.body.status;
    if (FINISHED.includes(status)) break;
    if (Date.now() > deadline) {
      throw new Error(`Task ${created.body.id} still ${status}`);
    }
    await sleep(100);
  }
  const events: Array<{
    type: string;
    body: {
      message: string;
      status?: TaskRunResult['status'];
      output?: TaskRunResult['output'];
      error?: TaskRunResult['error'];
    };
  }> = (
    await request(server).get(`${taskUrl}/events`).set('Authorization', auth)
  ).body;
  const completion = events.find(event => event.type === 'completion')!;
  return {
    status: status as TaskRunResult['status'],
    messages: events
      .filter(event => event.type === 'log')
      .map(event => event.body.message),
    output: completion.body.output,
    error: completion.body.error,
  };
}
