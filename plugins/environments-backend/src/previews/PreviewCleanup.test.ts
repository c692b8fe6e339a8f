import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { PromotionStore } from '../database/PromotionStore';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { withAnnotations } from '../__testUtils__/fixtures';
import { sightingOf } from './sightingOf';
import {
  cleanupOver,
  macroAiApi,
  modelledOn,
  previewStackTags,
  providerPreview,
  SLUG,
  SMALL_TEMPLATE,
  useEdgeStandIns,
} from '../__testUtils__/previews';

jest.setTimeout(120_000);

// AWS and GitHub at their HTTP edge, answering as their API references say: CloudFormation
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeleteStack.html and
// API_DescribeStacks.html, through the real SDK and the CDK toolkit library), GitHub pull
// requests (https://docs.github.com/rest/pulls/pulls#get-a-pull-request) and workflow dispatch
// and runs (https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event).
const edge = useEdgeStandIns();
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'POSTGRES_15'] as TestDatabaseId[],
});

/** A pull request of acme/macro-ai and its preview's stack; its number. */
function openPreview(): number {
  const number = edge.github.openPull(SLUG, 'develop', 'main', 'Preview');
  edge.aws
    .cloudFormation()
    .seedStack(`MacroAiPr${number}Stack`, SMALL_TEMPLATE, {
      tags: previewStackTags(number),
    });
  return number;
}

async function migrated(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await PromotionStore.create(mockServices.database({ knex }));
  return knex;
}

const at = (iso: string) => () => new Date(iso);
/** Within the time to live of a preview last pushed to on 2 March, 09:00 (72 hours). */
const MONDAY = at('2026-03-02T12:00:00Z');
/** Past it. */
const FRIDAY = at('2026-03-06T12:00:00Z');

const stackStatus = (name: string) =>
  edge.aws.cloudFormation().stacks.find(s => s.stackName === name)?.status;
const deletes = () =>
  edge.aws.calls('cloudformation').filter(c => c.endsWith(':DeleteStack'));

describe.each(databases.eachSupportedId())(
  'the preview cleanup on %p',
  databaseId => {
    it('destroys the stack of a preview whose pull request closed, once it has left the catalog', async () => {
      const knex = await migrated(databaseId);
      const number = openPreview();
      const preview = providerPreview(number);

      const open = cleanupOver({
        knex,
        entities: [preview, modelledOn],
        now: MONDAY,
      });
      await open.cleanup.run();
      expect(stackStatus(`MacroAiPr${number}Stack`)).toBe('CREATE_COMPLETE');
      expect(
        (await open.store.get('environment:default/macro-ai-api-pr-1'))!.state,
      ).toBe('scheduled');

      edge.github.closePull(SLUG, number);
      const closed = cleanupOver({ knex, entities: [modelledOn], now: MONDAY });
      await closed.cleanup.run();
      expect(stackStatus(`MacroAiPr${number}Stack`)).toBe('DELETE_COMPLETE');
      const record = (await closed.store.get(
        'environment:default/macro-ai-api-pr-1',
      ))!;
      expect(record).toMatchObject({ state: 'destroyed', reason: 'closed' });
      const [event] = closed.auditor.createEvent.mock.calls.map(
        ([options]) => options,
      );
      expect(event).toMatchObject({
        eventId: 'environment-preview-destroy',
        severityLevel: 'high',
        meta: {
          preview: 'environment:default/macro-ai-api-pr-1',
          stack: 'MacroAiPr1Stack',
          reason: 'closed',
          actor: 'plugin:environments/preview-cleanup',
        },
      });
    });

    it('keeps a preview whose pull request cannot be read: an outage is not a closed pull request', async () => {
      const knex = await migrated(databaseId);
      edge.github.openPull(SLUG, 'develop', 'main');
      edge.aws.cloudFormation().seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
        tags: previewStackTags(1),
      });
      await cleanupOver({
        knex,
        entities: [providerPreview(1)],
        now: MONDAY,
      }).cleanup.run();
      edge.github.failWith = 403;
      await cleanupOver({ knex, entities: [], now: MONDAY }).cleanup.run();
      expect(stackStatus('MacroAiPr1Stack')).toBe('CREATE_COMPLETE');
      expect(deletes()).toEqual([]);
    });

    it('destroys a preview whose branch has had no push for its time to live', async () => {
      const knex = await migrated(databaseId);
      edge.github.openPull(SLUG, 'develop', 'main');
      edge.aws.cloudFormation().seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
        tags: previewStackTags(1),
      });
      const entities = [
        providerPreview(1, { lastPush: '2026-03-02T09:00:00Z' }),
        modelledOn,
      ];
      await cleanupOver({
        knex,
        entities,
        now: at('2026-03-05T08:59:00Z'),
      }).cleanup.run();
      expect(stackStatus('MacroAiPr1Stack')).toBe('CREATE_COMPLETE');
      const { store } = cleanupOver({
        knex,
        entities,
        now: at('2026-03-05T09:01:00Z'),
      });
      await cleanupOver({
        knex,
        entities,
        now: at('2026-03-05T09:01:00Z'),
      }).cleanup.run();
      expect(stackStatus('MacroAiPr1Stack')).toBe('DELETE_COMPLETE');
      expect(
        await store.get('environment:default/macro-ai-api-pr-1'),
      ).toMatchObject({
        state: 'destroyed',
        reason: 'expired',
      });
    });

    it('never destroys a stack that is not a preview, whatever its name', async () => {
      const knex = await migrated(databaseId);
      const cloudFormation = edge.aws.cloudFormation();
      cloudFormation.seedStack('MacroAiProductionStack', SMALL_TEMPLATE, {
        tags: [{ Key: 'stageline:stage', Value: 'production' }],
      });
      // Named like preview #2 but tagged as production; and #3's name with no Stageline tags at all.
      cloudFormation.seedStack('MacroAiPr2Stack', SMALL_TEMPLATE, {
        tags: [{ Key: 'stageline:stage', Value: 'production' }],
      });
      cloudFormation.seedStack('MacroAiPr3Stack', SMALL_TEMPLATE);
      // Someone registers a "preview" by hand that names the production stack, long expired.
      const byHand = providerPreview(9, {
        stackName: 'MacroAiProductionStack',
        lastPush: '2020-01-01T00:00:00Z',
      });
      byHand.metadata.annotations!['backstage.io/managed-by-location'] =
        'url:https://github.com/mallory/x/blob/main/catalog-info.yaml';
      const { cleanup, store, auditor } = cleanupOver({
        knex,
        entities: [byHand, providerPreview(2), providerPreview(3), modelledOn],
        now: FRIDAY,
      });
      await cleanup.run();

      expect(deletes()).toEqual([]);
      for (const name of [
        'MacroAiProductionStack',
        'MacroAiPr2Stack',
        'MacroAiPr3Stack',
      ]) {
        expect([name, stackStatus(name)]).toEqual([name, 'CREATE_COMPLETE']);
      }
      expect(
        await store.get('environment:default/macro-ai-api-pr-9'),
      ).toBeUndefined();
      expect(
        await store.get('environment:default/macro-ai-api-pr-2'),
      ).toMatchObject({
        state: 'failed',
        lastError:
          'MacroAiPr2Stack in eu-west-2 is not the stack of preview #2 (its stageline.dev/stage tag is production): the cleanup only destroys a stack tagged stageline.dev/stage=preview and stageline.dev/preview=pr-2; destroy it by hand if it should go',
      });
      expect(
        (await store.get('environment:default/macro-ai-api-pr-3'))!.lastError,
      ).toContain(
        'MacroAiPr3Stack in eu-west-2 is not the stack of preview #3 (it carries no stageline.dev/stage tag)',
      );
      expect(auditor.createEvent).toHaveBeenCalledTimes(2);
    });

    it("destroys nothing on its own in a repository another owner's Component claims", async () => {
      const knex = await migrated(databaseId);
      edge.github.openPull(SLUG, 'develop', 'main');
      edge.aws.cloudFormation().seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
        tags: previewStackTags(1),
      });
      // Mallory registers a component of her own that says it lives in acme/macro-ai.
      const claimant = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'mallory-web',
          namespace: 'default',
          annotations: { 'github.com/project-slug': SLUG },
        },
        spec: {
          type: 'website',
          lifecycle: 'production',
          owner: 'group:default/mallory',
        },
      };
      const entities = [
        providerPreview(1, { lastPush: '2026-03-02T09:00:00Z' }),
        modelledOn,
        claimant,
      ];
      const { cleanup, store } = cleanupOver({ knex, entities, now: FRIDAY });
      await cleanup.run();

      expect(stackStatus('MacroAiPr1Stack')).toBe('CREATE_COMPLETE');
      expect(deletes()).toEqual([]);
      expect(
        await store.get('environment:default/macro-ai-api-pr-1'),
      ).toMatchObject({
        state: 'failed',
        lastError:
          'acme/macro-ai is also claimed by component:default/mallory-web (owner group:default/mallory): Stageline acts on a repository on its own only for an owner every Component living there has',
      });
    });

    it("destroys nothing on its own for a component the catalog no longer vouches for as its repository's", async () => {
      const knex = await migrated(databaseId);
      const number = openPreview();
      const open = cleanupOver({
        knex,
        entities: [providerPreview(number), modelledOn],
        now: MONDAY,
      });
      await open.cleanup.run();
      // The component is now registered from someone else's repository, still naming acme/macro-ai.
      const elsewhere =
        'url:https://github.com/mallory/tools/blob/main/catalog-info.yaml';
      const component = withAnnotations(macroAiApi, {
        'backstage.io/managed-by-location': elsewhere,
      });
      edge.github.closePull(SLUG, number);
      edge.github.requests.length = 0;
      const closed = cleanupOver({
        knex,
        entities: [modelledOn],
        now: MONDAY,
        component,
      });
      await closed.cleanup.run();

      expect(stackStatus(`MacroAiPr${number}Stack`)).toBe('CREATE_COMPLETE');
      expect(deletes()).toEqual([]);
      expect(edge.github.writes()).toEqual([]);
      expect(
        await closed.store.get('environment:default/macro-ai-api-pr-1'),
      ).toMatchObject({
        state: 'failed',
        lastError: expect.stringContaining(
          `environment:default/macro-ai-api-pr-1 is not destroyed unattended in acme/macro-ai: acme/macro-ai is not read for component:default/macro-ai-api: it was registered from ${elsewhere}`,
        ),
      });
    });

    it.each(['reference', 'pipeline'] as const)(
      'destroys on request what the request was authorized on, not a %s preview stored under the same name before',
      async mode => {
        const knex = await migrated(databaseId);
        edge.github.push(SLUG, 'feature/1');
        const number = edge.github.openPull(SLUG, 'feature/1', 'develop');
        edge.aws.cloudFormation().seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
          tags: previewStackTags(number),
        });
        await cleanupOver({
          knex,
          entities: [
            providerPreview(number, { mode, branch: 'feature/1' }),
            modelledOn,
          ],
          now: MONDAY,
        }).cleanup.run();
        // The preview left the catalog (its repository became contested, or its pull request
        // closed); Mallory registers an Environment of her own component under its name, with
        // a stack of her own, and asks for it to be destroyed now.
        const mallorys = {
          apiVersion: 'stageline.dev/v1alpha1',
          kind: 'Environment',
          metadata: {
            name: 'macro-ai-api-pr-1',
            namespace: 'default',
            annotations: {
              'backstage.io/managed-by-location':
                'url:https://github.com/mallory/app/blob/main/catalog-info.yaml',
              'github.com/project-slug': 'mallory/app',
              'stageline.dev/pull-request': '7',
            },
          },
          spec: {
            type: 'preview',
            owner: 'user:default/mallory',
            component: 'component:default/mallory-app',
            scale: 'hobby',
            deployment: {
              provider: 'cloudformation',
              stackName: 'MalloryOwnStack',
              region: 'eu-west-2',
              accountId: '123456789012',
              mode: 'reference',
            },
          },
        } as EnvironmentEntity;
        const { cleanup, store } = cleanupOver({
          knex,
          entities: [modelledOn],
          now: MONDAY,
        });
        // what the Destroy now route stores once it has authorized Mallory on her Environment
        await store.request(
          sightingOf(mallorys, new Map())!,
          'user:default/mallory',
          MONDAY(),
        );
        await cleanup.destroyRequested('environment:default/macro-ai-api-pr-1');

        expect(stackStatus('MacroAiPr1Stack')).toBe('CREATE_COMPLETE');
        expect(edge.github.repo(SLUG).dispatches).toEqual([]);
        expect(
          await store.get('environment:default/macro-ai-api-pr-1'),
        ).toMatchObject({
          repository: 'mallory/app',
          pullRequest: 7,
          requestedBy: 'user:default/mallory',
          attempts: expect.any(Number),
        });
      },
    );

    it("keeps what it learnt of a preview (its model's branch, its last push) when Destroy now asks for the same one", async () => {
      const knex = await migrated(databaseId);
      const number = openPreview();
      const preview = providerPreview(number, { mode: 'pipeline' });
      const { cleanup, store } = cleanupOver({
        knex,
        entities: [preview, modelledOn],
        now: MONDAY,
      });
      await cleanup.run();
      const before = (await store.get(
        'environment:default/macro-ai-api-pr-1',
      ))!;
      expect(before.fallbackBranch).toBeDefined();

      // the route's sighting knows nothing of the model's branch
      await store.request(
        sightingOf(preview as EnvironmentEntity, new Map())!,
        'user:default/mock',
        MONDAY(),
      );
      expect(
        await store.get('environment:default/macro-ai-api-pr-1'),
      ).toMatchObject({
        state: 'requested',
        fallbackBranch: before.fallbackBranch,
        lastPushAt: before.lastPushAt,
      });
    });

    it('retries a failed destroy with a growing wait, keeping the error for the card', async () => {
      const knex = await migrated(databaseId);
      edge.github.openPull(SLUG, 'develop', 'main');
      const cloudFormation = edge.aws.cloudFormation();
      cloudFormation.seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
        tags: previewStackTags(1),
      });
      cloudFormation.failNext('MacroAiPr1Stack', {
        logicalId: 'Assets',
        reason: 'The bucket you tried to delete is not empty',
      });
      const entities = [providerPreview(1), modelledOn];
      const run = (iso: string) =>
        cleanupOver({ knex, entities, now: at(iso) });

      const first = run('2026-03-06T12:00:00Z');
      await first.cleanup.run();
      expect(stackStatus('MacroAiPr1Stack')).toBe('DELETE_FAILED');
      const failed = (await first.store.get(
        'environment:default/macro-ai-api-pr-1',
      ))!;
      expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
      expect(failed.lastError).toContain(
        'The bucket you tried to delete is not empty',
      );
      expect(failed.nextAttemptAt!.toISOString()).toBe(
        '2026-03-06T12:05:00.000Z',
      );

      await run('2026-03-06T12:04:00Z').cleanup.run();
      expect(deletes()).toHaveLength(1);

      const later = run('2026-03-06T12:05:30Z');
      await later.cleanup.run();
      expect(stackStatus('MacroAiPr1Stack')).toBe('DELETE_COMPLETE');
      expect(
        await later.store.get('environment:default/macro-ai-api-pr-1'),
      ).toMatchObject({
        state: 'destroyed',
        attempts: 1,
      });
    });

    it("destroys a pipeline preview through its workflow: on its head branch, or its model's once the branch is gone", async () => {
      const knex = await migrated(databaseId);
      const { github, aws } = edge;
      github.push(SLUG, 'feature/1');
      const number = github.openPull(SLUG, 'feature/1', 'develop');
      aws.cloudFormation().seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
        tags: previewStackTags(1),
      });
      // The workflow's `cdk destroy` deletes the stack and waits until it is gone.
      github.onRunStarted = () =>
        aws.cloudFormation().startDelete('MacroAiPr1Stack');
      github.runConclusion = () => {
        const cloudFormation = aws.cloudFormation();
        while (
          cloudFormation.stack('MacroAiPr1Stack')?.status ===
          'DELETE_IN_PROGRESS'
        ) {
          cloudFormation.describeStacks({ StackName: 'MacroAiPr1Stack' });
        }
        return cloudFormation.stack('MacroAiPr1Stack') ? 'failure' : 'success';
      };
      const entities = [
        providerPreview(number, { mode: 'pipeline', branch: 'feature/1' }),
        modelledOn,
      ];
      await cleanupOver({ knex, entities, now: MONDAY }).cleanup.run();

      // The pull request is merged and its branch deleted: the destroy runs on develop.
      github.closePull(SLUG, number);
      github.repo(SLUG).branches.delete('feature/1');
      const { cleanup, store } = cleanupOver({
        knex,
        entities: [modelledOn],
        now: MONDAY,
      });
      await cleanup.run();
      expect(github.repo(SLUG).dispatches).toEqual([
        {
          workflow: 'deploy.yml',
          ref: 'develop',
          inputs: {
            stage: 'preview',
            scale: 'hobby',
            command: 'destroy',
            'preview-id': '1',
          },
        },
      ]);
      expect(stackStatus('MacroAiPr1Stack')).toBe('DELETE_COMPLETE');
      expect(
        await store.get('environment:default/macro-ai-api-pr-1'),
      ).toMatchObject({
        state: 'destroyed',
        runUrl: expect.stringMatching(
          /^https:\/\/github.com\/acme\/macro-ai\/actions\/runs\/\d+$/,
        ),
      });
    });

    it('dispatches nothing for a preview whose stack is already gone', async () => {
      const knex = await migrated(databaseId);
      edge.github.push(SLUG, 'feature/1');
      edge.github.openPull(SLUG, 'feature/1', 'develop');
      const entities = [
        providerPreview(1, { mode: 'pipeline', branch: 'feature/1' }),
        modelledOn,
      ];
      const { cleanup, store } = cleanupOver({ knex, entities, now: FRIDAY });
      await cleanup.run();
      expect(edge.github.repo(SLUG).dispatches).toEqual([]);
      expect(
        await store.get('environment:default/macro-ai-api-pr-1'),
      ).toMatchObject({ state: 'destroyed' });
    });

    it("destroys a cdk-app preview from its stack's identity, with the deploy role cdk bootstrap made", async () => {
      const knex = await migrated(databaseId);
      edge.github.openPull(SLUG, 'develop', 'main');
      edge.aws.cloudFormation().seedStack('MacroAiPr1Stack', SMALL_TEMPLATE, {
        tags: previewStackTags(1),
      });
      const entities = [providerPreview(1, { mode: 'cdk-app' }), modelledOn];
      await cleanupOver({ knex, entities, now: FRIDAY }).cleanup.run();
      expect(stackStatus('MacroAiPr1Stack')).toBe('DELETE_COMPLETE');
      const assumed = edge.aws.requests
        .filter(r => r.service === 'sts' && r.action === 'AssumeRole')
        .map(r => r.params.RoleArn);
      expect(assumed).toContain(
        'arn:aws:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-eu-west-2',
      );
    });
  },
);
