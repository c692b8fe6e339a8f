import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { AuditorService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { DeploymentRecord } from '@stageline/plugin-environments-common';
import { DeploymentHistoryClient } from '../lib/history/DeploymentHistoryClient';
import {
  startEnvironmentsBackend,
  type EnvironmentsTestBackend,
} from './environmentsBackend';

/**
 * The real environments backend in process (its deployment history in SQLite), and a history
 * client pointed at it with the scaffolder's credentials, as the module builds one.
 */
export async function startDeploymentHistory(
  options: Parameters<typeof startEnvironmentsBackend>[0] = {},
): Promise<
  Omit<EnvironmentsTestBackend, 'history'> & {
    history: DeploymentHistoryClient;
    deployments(name: string): Promise<DeploymentRecord[]>;
  }
> {
  const backend = await startEnvironmentsBackend(options);
  const history = new DeploymentHistoryClient({
    discovery: backend.discovery,
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
  });
  /** `GET …/deployments` of an environment of the default namespace, as the cards read it. */
  async function deployments(name: string): Promise<DeploymentRecord[]> {
    const response = await fetch(
      `${backend.baseUrl}/environments/default/${name}/deployments`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    if (!response.ok) {
      throw new Error(`GET deployments of ${name}: ${response.status}`);
    }
    return ((await response.json()) as { items: DeploymentRecord[] }).items;
  }
  return { ...backend, history, deployments };
}

/** One audit event as an action created and ended it. */
export type AuditedEvent = {
  eventId: string;
  severityLevel?: string;
  meta?: JsonObject;
  outcome?: 'success' | 'fail';
  endMeta?: JsonObject;
  error?: string;
};

/** An auditor that keeps the events it was given, in order. */
export function recordingAuditor(): {
  auditor: AuditorService;
  events: AuditedEvent[];
} {
  const events: AuditedEvent[] = [];
  return {
    events,
    auditor: {
      async createEvent(options) {
        const event: AuditedEvent = {
          eventId: options.eventId,
          severityLevel: options.severityLevel,
          meta: options.meta,
        };
        events.push(event);
        return {
          async success(end) {
            event.outcome = 'success';
            event.endMeta = end?.meta;
          },
          async fail(end) {
            event.outcome = 'fail';
            event.error = `${end.error.name}: ${end.error.message}`;
          },
        };
      },
    },
  };
}
