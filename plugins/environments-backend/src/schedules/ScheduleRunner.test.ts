import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { PromotionStore } from '../database/PromotionStore';
import { SLUG, useEdgeStandIns } from '../__testUtils__/previews';
import { withAnnotations } from '../__testUtils__/fixtures';
import {
  component,
  runnerOver,
  scheduledStaging,
  SERVICE_TEMPLATE,
} from '../__testUtils__/schedules';

jest.setTimeout(120_000);

// AWS and GitHub at their HTTP edge: CloudFormation ListStackResources and DescribeStacks, ECS
// DescribeServices and UpdateService, RDS StopDBInstance, StartDBInstance and
// DescribeDBInstances (their API references), and GitHub workflow dispatch and runs.
const edge = useEdgeStandIns();
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'POSTGRES_15'] as TestDatabaseId[],
});

async function migrated(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await PromotionStore.create(mockServices.database({ knex }));
  return knex;
}

const STACK = 'MacroAiWebStagingStack';
/** Monday 2 March 2026. */
const MONDAY = (time: string) => new Date(`2026-03-02T${time}:00Z`);
const TUESDAY = (time: string) => new Date(`2026-03-03T${time}:00Z`);

/** The staging stack, its ECS service running two tasks and its database holding orders. */
function deployedStaging() {
  const stack = edge.aws.cloudFormation().seedStack(STACK, SERVICE_TEMPLATE, {
    tags: [{ Key: 'stageline.dev/stage', Value: 'staging' }],
  });
  const serviceArn = stack.resources.get('Api')!.physicalId;
  const databaseId = stack.resources.get('Database')!.physicalId;
  edge.aws.ecs().service(serviceArn).desiredCount = 2;
  edge.aws.rds().database(databaseId).data.orders = '42 rows';
  return {
    tasks: () => edge.aws.ecs().service(serviceArn).desiredCount,
    database: () => edge.aws.rds().database(databaseId),
  };
}

const deletions = () =>
  edge.aws.requests
    .map(r => `${r.service}:${r.action}`)
    .filter(call => /Delete/.test(call));

describe.each(databases.eachSupportedId())('schedules on %p', databaseId => {
  it('stops a direct-mode environment at its shutdown and starts it at its startup, its database keeping its data', async () => {
    const knex = await migrated(databaseId);
    const staging = deployedStaging();
    const clock = { now: MONDAY('10:00') };
    const { runner, store, auditor } = runnerOver({
      knex,
      entities: [component, scheduledStaging()],
      clock,
    });

    await runner.run(); // first sight in working hours: running, nothing to do
    expect(
      await store.get('environment:default/macro-ai-web-staging'),
    ).toMatchObject({ state: 'running' });
    expect(staging.tasks()).toBe(2);

    clock.now = MONDAY('18:01');
    await runner.run();
    expect(
      await store.get('environment:default/macro-ai-web-staging'),
    ).toMatchObject({
      state: 'stopped',
      since: MONDAY('18:01'),
      method: 'scale-to-zero',
    });
    expect(staging.tasks()).toBe(0);
    expect(staging.database().status).toBe('stopping');

    clock.now = MONDAY('23:00');
    await runner.run(); // nothing new
    clock.now = TUESDAY('08:00');
    await runner.run();
    expect(
      await store.get('environment:default/macro-ai-web-staging'),
    ).toMatchObject({ state: 'running' });
    expect(staging.tasks()).toBe(2);
    expect(staging.database()).toMatchObject({
      status: 'starting',
      data: { orders: '42 rows' },
    });
    expect(deletions()).toEqual([]);
    expect(edge.aws.cloudFormation().stack(STACK)?.status).toBe(
      'CREATE_COMPLETE',
    );
    expect(
      auditor.createEvent.mock.calls.map(([options]) => [
        options.eventId,
        options.meta,
      ]),
    ).toEqual([
      [
        'environment-stop',
        expect.objectContaining({
          actor: 'plugin:environments/schedule',
          via: 'schedule',
          stack: STACK,
        }),
      ],
      [
        'environment-start',
        expect.objectContaining({
          actor: 'plugin:environments/schedule',
          via: 'schedule',
        }),
      ],
    ]);
  });

  it('keeps running after Start now until the next shutdown, even when the last one was never acted on', async () => {
    const knex = await migrated(databaseId);
    const staging = deployedStaging();
    const clock = { now: MONDAY('22:00') };
    const environment = scheduledStaging();
    const { runner, store } = runnerOver({
      knex,
      entities: [component, environment],
      clock,
    });
    // A user stops and starts it before the schedule's first look at it, after 18:00.
    await runner.now(
      environment as EnvironmentEntity,
      'shutdown',
      'user:default/alice',
    );
    await runner.now(
      environment as EnvironmentEntity,
      'startup',
      'user:default/alice',
    );
    clock.now = MONDAY('22:01');
    await runner.run();
    expect(
      await store.get('environment:default/macro-ai-web-staging'),
    ).toMatchObject({
      state: 'running',
    });
    expect(staging.tasks()).toBe(2);
    clock.now = TUESDAY('18:01');
    await runner.run();
    expect(staging.tasks()).toBe(0);
  });

  it('catches up with a shutdown it missed, and takes a past startup as done at first sight', async () => {
    const knex = await migrated(databaseId);
    const staging = deployedStaging();
    const clock = { now: MONDAY('21:30') };
    const { runner } = runnerOver({
      knex,
      entities: [component, scheduledStaging()],
      clock,
    });
    await runner.run();
    expect(staging.tasks()).toBe(0);
  });

  it('skips the shutdown while kept running, and stops when the override ends', async () => {
    const knex = await migrated(databaseId);
    const staging = deployedStaging();
    const clock = { now: MONDAY('10:00') };
    const { runner, store } = runnerOver({
      knex,
      entities: [component, scheduledStaging()],
      clock,
    });
    await runner.run();
    await store.keepRunning(
      'environment:default/macro-ai-web-staging',
      MONDAY('21:00'),
      'user:default/alice',
    );
    clock.now = MONDAY('18:01');
    await runner.run();
    expect(staging.tasks()).toBe(2);
    clock.now = MONDAY('21:01');
    await runner.run();
    expect(staging.tasks()).toBe(0);
  });

  it('retries a failed stop with a growing wait, keeping the error', async () => {
    const knex = await migrated(databaseId);
    const staging = deployedStaging();
    edge.aws.deny('ecs:UpdateService');
    const clock = { now: MONDAY('18:01') };
    const { runner, store } = runnerOver({
      knex,
      entities: [component, scheduledStaging()],
      clock,
    });
    await runner.run();
    const failed = (await store.get(
      'environment:default/macro-ai-web-staging',
    ))!;
    expect(failed).toMatchObject({
      state: 'failed',
      lastAction: 'shutdown',
      attempts: 1,
    });
    expect(failed.lastError).toMatch(
      /^AWS failed stopping MacroAiWebStagingStack \(AccessDeniedException: .*ecs:UpdateService/,
    );
    expect(failed.nextAttemptAt).toEqual(MONDAY('18:06'));
    expect(staging.tasks()).toBe(2);
  });

  it('does not stop a stack another Environment of which declares another schedule', async () => {
    const knex = await migrated(databaseId);
    const staging = deployedStaging();
    // Someone registers an Environment of the same stack with a schedule of their own.
    const other = scheduledStaging({
      name: 'macro-ai-web-nightly',
      schedule: { shutdown: '0 1 * * *' },
    });
    const clock = { now: MONDAY('18:01') };
    const { runner, store } = runnerOver({
      knex,
      entities: [component, scheduledStaging(), other],
      clock,
    });
    await runner.run();
    expect(staging.tasks()).toBe(2);
    expect(
      (await store.get('environment:default/macro-ai-web-staging'))!.lastError,
    ).toBe(
      'MacroAiWebStagingStack is also described by environment:default/macro-ai-web-nightly, with another schedule: a schedule runs only when every Environment of the stack declares it',
    );
  });

  it("does not stop anything on its own in a repository another owner's Component claims", async () => {
    const knex = await migrated(databaseId);
    const staging = deployedStaging();
    // Mallory registers a component of her own that says it lives in acme/macro-ai.
    const claimant = {
      ...component,
      metadata: { ...component.metadata, name: 'mallory-web' },
      spec: { ...component.spec, owner: 'group:default/mallory' },
    };
    const clock = { now: MONDAY('18:01') };
    const { runner, store } = runnerOver({
      knex,
      entities: [component, claimant, scheduledStaging({ mode: 'pipeline' })],
      clock,
    });
    await runner.run();
    expect(staging.tasks()).toBe(2);
    expect(edge.github.repo(SLUG).dispatches).toEqual([]);
    expect(
      (await store.get('environment:default/macro-ai-web-staging'))!.lastError,
    ).toBe(
      'acme/macro-ai is also claimed by component:default/mallory-web (owner group:default/mallory): Stageline acts on a repository on its own only for an owner every Component living there has',
    );
  });

  it('does not stop a stack tagged as another stage than its Environment', async () => {
    const knex = await migrated(databaseId);
    edge.aws.cloudFormation().seedStack(STACK, SERVICE_TEMPLATE, {
      tags: [{ Key: 'stageline.dev/stage', Value: 'production' }],
    });
    const { runner, store } = runnerOver({
      knex,
      entities: [component, scheduledStaging()],
      clock: { now: MONDAY('18:01') },
    });
    await runner.run();
    expect(
      (await store.get('environment:default/macro-ai-web-staging'))!.lastError,
    ).toBe(
      'MacroAiWebStagingStack is tagged stageline.dev/stage=production, not staging: the schedule of environment:default/macro-ai-web-staging does not stop or start it',
    );
    expect(edge.aws.calls('ecs')).toEqual([]);
  });

  it('stops a pipeline environment by its workflow, and starts it again', async () => {
    const knex = await migrated(databaseId);
    const clock = { now: MONDAY('18:01') };
    const { runner, store } = runnerOver({
      knex,
      entities: [component, scheduledStaging({ mode: 'pipeline' })],
      clock,
    });
    await runner.run();
    clock.now = TUESDAY('08:01');
    await runner.run();
    expect(
      edge.github
        .repo(SLUG)
        .dispatches.map(d => [d.ref, d.inputs.command, d.inputs.stage]),
    ).toEqual([
      ['develop', 'destroy', 'staging'],
      ['develop', 'deploy', 'staging'],
    ]);
    expect(
      await store.get('environment:default/macro-ai-web-staging'),
    ).toMatchObject({ state: 'running', method: 'pipeline' });
  });

  it("dispatches no workflow in a repository the catalog does not vouch for as the component's", async () => {
    const knex = await migrated(databaseId);
    // Registered from a file of its owner's own repository, the component names acme/macro-ai.
    const registeredElsewhere = withAnnotations(component, {
      'backstage.io/managed-by-location':
        'url:https://github.com/mallory/tools/blob/main/catalog-info.yaml',
    });
    const { runner, store } = runnerOver({
      knex,
      entities: [registeredElsewhere, scheduledStaging({ mode: 'pipeline' })],
      clock: { now: MONDAY('18:01') },
    });
    await runner.run();
    expect(edge.github.repo(SLUG).dispatches).toEqual([]);
    expect(edge.github.writes()).toEqual([]);
    expect(
      (await store.get('environment:default/macro-ai-web-staging'))!.lastError,
    ).toContain(
      'The workflow of acme/macro-ai is not dispatched for environment:default/macro-ai-web-staging: acme/macro-ai is not read for component:default/macro-ai-web: it was registered from url:https://github.com/mallory/tools/blob/main/catalog-info.yaml, which is not in acme/macro-ai nor a location the operator trusts',
    );
  });

  it('in a dry run records the stop and start without calling AWS or GitHub', async () => {
    const knex = await migrated(databaseId);
    const clock = { now: MONDAY('18:01') };
    const { runner, store } = runnerOver({
      knex,
      entities: [component, scheduledStaging()],
      clock,
      settings: { dryRun: true },
    });
    await runner.run();
    expect(
      await store.get('environment:default/macro-ai-web-staging'),
    ).toMatchObject({ state: 'stopped', method: 'dry-run' });
    expect(edge.aws.requests).toEqual([]);
    expect(edge.github.requests).toEqual([]);
  });

  it('refuses to stop a direct-mode stack with nothing to scale to zero, and deletes nothing', async () => {
    const knex = await migrated(databaseId);
    edge.aws.cloudFormation().seedStack(
      STACK,
      JSON.stringify({
        Resources: { Fn: { Type: 'AWS::Lambda::Function' } },
      }),
      {
        tags: [{ Key: 'stageline.dev/stage', Value: 'staging' }],
      },
    );
    const { runner, store } = runnerOver({
      knex,
      entities: [component, scheduledStaging()],
      clock: { now: MONDAY('18:01') },
    });
    await runner.run();
    expect(
      (await store.get('environment:default/macro-ai-web-staging'))!.lastError,
    ).toContain(
      'MacroAiWebStagingStack has no ECS service or RDS database to stop',
    );
    expect(deletions()).toEqual([]);
  });
});
