import fs from 'node:fs';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
// Tests only: environment:promote calls this plugin over HTTP, so tests run it in process.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import environmentsBackend from '@stageline/plugin-environments-backend';
import request from 'supertest';
import { scaffolderModuleEnvironments } from '../module';
import { actionClientsWithoutWaits } from './actionClients';
import { exampleCatalog } from './entities';
import { withoutScheduledRefresh } from './environmentsBackend';
import { runTemplateTask } from './scaffolderTask';
import {
  readTemplate,
  TEMPLATES_DIR,
  templateEntity,
  templateNames,
} from './templateFiles';

/** Every file under `dir`, as the template editor sends them to the dry-run API. */
function directoryContents(
  dir: string,
  prefix = '',
): Array<{ path: string; base64Content: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? directoryContents(full, relative)
      : [
          {
            path: relative,
            base64Content: fs.readFileSync(full).toString('base64'),
          },
        ];
  });
}

/** What `POST /api/scaffolder/v2/dry-run` answers. */
export type DryRunResult = {
  status: number;
  log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
  output: JsonObject & {
    links?: JsonObject[];
    text?: Array<{ title: string; content: string }>;
  };
  steps: Array<{ id: string; name: string; action: string }>;
  directoryContents: Array<{ path: string; base64Content: string }>;
  errors?: unknown;
};

/**
 * A real scaffolder backend (with the GitHub module, this module, the environments backend that
 * `environment:promote` promotes through, and a mock catalog of the example system and the
 * repository's templates) and functions running one of those templates through its dry-run API,
 * the way the template editor does, or as a real task, the way the Create page does.
 */
export async function startScaffolder(
  options: { entities?: Entity[]; config?: JsonObject } = {},
): Promise<{
  server: TestBackend['server'];
  dryRun(template: string, values: JsonObject): Promise<DryRunResult>;
  run(template: string, values: JsonObject): ReturnType<typeof runTemplateTask>;
  messages(result: DryRunResult): string[];
  file(result: DryRunResult, filePath: string): string;
}> {
  const config = options.config ?? {
    integrations: { github: [{ host: 'github.com' }] },
  };
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderGithubModule,
      environmentsBackend,
      scaffolderModuleEnvironments,
      actionClientsWithoutWaits(new ConfigReader(config)),
      catalogServiceMock.factory({
        entities: [
          ...(options.entities ?? exampleCatalog()),
          ...templateNames().map(templateEntity),
        ],
      }),
      mockServices.rootConfig.factory({
        data: withoutScheduledRefresh(config),
      }),
    ],
  });

  async function dryRun(
    template: string,
    values: JsonObject,
  ): Promise<DryRunResult> {
    const dir = path.join(TEMPLATES_DIR, template);
    const response = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: readTemplate(template),
        values,
        secrets: {},
        directoryContents: directoryContents(dir),
      });
    return { status: response.status, ...response.body };
  }

  /** The log messages of a dry run, in order. */
  const messages = (result: DryRunResult) =>
    result.log.map(entry => entry.body.message);

  /** A file the dry run produced, as text. */
  const file = (result: DryRunResult, filePath: string) => {
    const found = result.directoryContents.find(f => f.path === filePath);
    if (!found) {
      throw new Error(
        `No ${filePath} in ${result.directoryContents
          .map(f => f.path)
          .join(', ')}`,
      );
    }
    return Buffer.from(found.base64Content, 'base64').toString('utf8');
  };

  /** Runs a template as a real task, to its end. */
  const run = (template: string, values: JsonObject) =>
    runTemplateTask(server, template, values);

  return { server, dryRun, run, messages, file };
}
