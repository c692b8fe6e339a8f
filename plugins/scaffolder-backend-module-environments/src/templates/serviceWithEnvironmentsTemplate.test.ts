import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateEnvironmentEntity } from '@stageline/plugin-environments-common';
import yaml from 'yaml';
import {
  DryRunResult,
  startScaffolder,
} from '../__testUtils__/scaffolderDryRun';
import { templateDefaults } from '../__testUtils__/templateFiles';

jest.setTimeout(120_000);

const VALUES = {
  name: 'macro-ai',
  description: 'The Macro AI API',
  owner: 'group:default/platform',
  system: 'system:default/macro-ai',
  region: 'eu-west-2',
  accountId: '123456789012',
  productionScale: 'hobby',
  stagingBudget: 5,
  productionBudget: 10,
  currency: 'GBP',
  reviewers: ['group:default/platform'],
  repoUrl: 'github.com?owner=acme&repo=macro-ai',
  // The dry-run API applies no defaults; the form sends the parameter's default.
  cdkEnvironmentsVersion: templateDefaults('service-with-environments')
    .cdkEnvironmentsVersion as string,
};

type Workflow = {
  'run-name'?: string;
  on: Record<string, any>;
  jobs: Record<
    string,
    {
      if?: string;
      uses?: string;
      with?: Record<string, string>;
      environment?: string;
      env?: Record<string, string>;
      steps?: Array<{ run?: string; env?: Record<string, string> }>;
    }
  >;
};

/** Writes the dry run's files into a temporary folder that resolves this repository's packages. */
function renderInto(result: DryRunResult): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-service-'));
  for (const file of result.directoryContents) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, Buffer.from(file.base64Content, 'base64'));
  }
  fs.symlinkSync(
    path.resolve(__dirname, '../../../../node_modules'),
    path.join(dir, 'node_modules'),
    'dir',
  );
  return dir;
}

/** Runs the rendered CDK app the way `cdk synth` does, with the deploy variables of one environment. */
function synthesize(dir: string, env: Record<string, string>) {
  const outdir = fs.mkdtempSync(path.join(dir, 'cdk.out-'));
  const saved = { ...process.env };
  Object.assign(process.env, env, { CDK_OUTDIR: outdir });
  try {
    jest.isolateModules(() => {
      require(path.join(dir, 'infrastructure/bin/app.ts'));
    });
  } finally {
    process.env = saved;
  }
  const manifest = JSON.parse(
    fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'),
  );
  const stacks = Object.values(
    manifest.artifacts as Record<string, any>,
  ).filter(a => a.type === 'aws:cloudformation:stack');
  expect(stacks).toHaveLength(1);
  const template = JSON.parse(
    fs.readFileSync(
      path.join(outdir, stacks[0].properties.templateFile),
      'utf8',
    ),
  );
  return {
    stackName: stacks[0].properties.stackName ?? stacks[0].displayName,
    template,
  };
}

describe('templates/service-with-environments', () => {
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;
  let result: DryRunResult;
  let dir: string;

  beforeAll(async () => {
    scaffolder = await startScaffolder();
    result = await scaffolder.dryRun('service-with-environments', VALUES);
    dir = renderInto(result);
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('plans and prices both environments before creating the repository', () => {
    expect(result.status).toBe(200);
    const messages = scaffolder.messages(result);
    const staging = messages.findIndex(m =>
      /Estimated monthly cost of MacroAiStagingStack .*£5\.00 budget/.test(m),
    );
    const production = messages.findIndex(m =>
      /Estimated monthly cost of MacroAiProductionStack .*£10\.00 budget/.test(
        m,
      ),
    );
    const publish = messages.indexOf('Beginning step Create the repository');
    expect(staging).toBeGreaterThan(0);
    expect(production).toBeGreaterThan(staging);
    expect(publish).toBeGreaterThan(production);
    expect(result.output.text?.map(t => t.title)).toEqual([
      'Staging',
      'Production',
    ]);
    expect(result.output.text?.[0].content).toContain('Estimated cost: **£');
    expect(
      messages.some(m =>
        m.includes(
          'Dry run: would set up environment production of acme/macro-ai: branches main; reviewers group:default/platform',
        ),
      ),
    ).toBe(true);
  });

  it('writes the Component and its two Environment entities', () => {
    const [component, staging, production] = yaml
      .parseAllDocuments(scaffolder.file(result, 'catalog-info.yaml'))
      .map(doc => doc.toJS());
    expect(component).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'macro-ai',
        annotations: { 'github.com/project-slug': 'acme/macro-ai' },
      },
      spec: {
        type: 'service',
        owner: 'group:default/platform',
        system: 'system:default/macro-ai',
      },
    });
    expect(validateEnvironmentEntity(staging)).toEqual([]);
    expect(validateEnvironmentEntity(production)).toEqual([]);
    expect(staging.spec).toMatchObject({
      type: 'staging',
      branch: 'develop',
      scale: 'hobby',
      promotesTo: 'environment:default/macro-ai-production',
      deployment: {
        stackName: 'MacroAiStagingStack',
        region: 'eu-west-2',
        accountId: '123456789012',
        mode: 'pipeline',
        pipeline: { workflow: 'deploy.yml' },
      },
      budget: { monthly: 5, currency: 'GBP' },
      schedule: { shutdown: '0 18 * * 1-5' },
    });
    expect(production.spec).toMatchObject({
      type: 'production',
      branch: 'main',
      deployment: {
        stackName: 'MacroAiProductionStack',
        mode: 'pipeline',
        pipeline: { workflow: 'deploy.yml' },
      },
      budget: { monthly: 10, currency: 'GBP' },
    });
  });

  it.each([
    ['staging', 'MacroAiStagingStack'],
    ['production', 'MacroAiProductionStack'],
  ])('its CDK app synthesizes %s', (stage, stackName) => {
    const synthesized = synthesize(dir, {
      CDK_DEPLOY_ENV: stage,
      CDK_DEPLOY_SCALE: 'hobby',
    });

    expect(synthesized.stackName).toBe(stackName);
    expect(Object.keys(synthesized.template.Resources).length).toBeGreaterThan(
      0,
    );
  });

  it('its CDK app synthesizes a preview environment for a pull request', () => {
    const synthesized = synthesize(dir, {
      CDK_DEPLOY_ENV: 'preview',
      CDK_DEPLOY_SCALE: 'hobby',
      CDK_PREVIEW_ID: '42',
    });

    expect(synthesized.stackName).toBe('MacroAiPr42Stack');
  });

  const workflow = (name: string): Workflow =>
    yaml.parse(scaffolder.file(result, `.github/workflows/${name}`));

  it('deploys develop to staging and main to production', () => {
    const staging = workflow('deploy-staging.yml');
    expect(staging.on.push).toEqual({ branches: ['develop'] });
    expect(staging.on.workflow_dispatch.inputs.command.options).toEqual([
      'deploy',
      'destroy',
    ]);
    expect(staging.jobs['deploy-staging']).toMatchObject({
      uses: './.github/workflows/cdk.yml',
      with: { environment: 'staging' },
    });

    const production = workflow('deploy-production.yml');
    expect(production.on.push).toEqual({ branches: ['main'] });
    expect(production.jobs['deploy-production']).toMatchObject({
      uses: './.github/workflows/cdk.yml',
      with: { environment: 'production', command: 'deploy' },
    });

    const cdk = workflow('cdk.yml');
    expect(Object.keys(cdk.on)).toEqual(['workflow_call']);
    expect(cdk.jobs.cdk.environment).toBe('${{ inputs.environment }}');
    expect(cdk.jobs.cdk.steps?.map(s => s.run).filter(Boolean)).toEqual([
      'npm install',
      'npx cdk deploy --require-approval never --tags stageline.dev/commit=${{ github.sha }}',
      'npx cdk destroy --force',
      'npx cdk diff',
    ]);
    expect(cdk.jobs.cdk.env).toMatchObject({
      CDK_DEPLOY_SCALE: '${{ inputs.scale || vars.CDK_DEPLOY_SCALE }}',
    });
    expect(cdk.jobs.cdk.steps?.find(s => s.run === 'npm install')?.env).toEqual(
      { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' },
    );
  });

  it('has the workflow Stageline dispatches for its pipeline Environments, taking their inputs', () => {
    const deploy = workflow('deploy.yml');
    expect(Object.keys(deploy.on)).toEqual(['workflow_dispatch']);
    expect(Object.keys(deploy.on.workflow_dispatch.inputs)).toEqual([
      'stage',
      'scale',
      'command',
      'preview-id',
    ]);
    expect(deploy.on.workflow_dispatch.inputs.command.options).toEqual([
      'deploy',
      'destroy',
      'diff',
    ]);
    expect(deploy.jobs.cdk).toMatchObject({
      uses: './.github/workflows/cdk.yml',
      with: {
        environment: '${{ inputs.stage }}',
        command: '${{ inputs.command }}',
        scale: '${{ inputs.scale }}',
        'preview-id': '${{ inputs.preview-id }}',
      },
    });
  });

  it('gives every pull request a preview environment, destroyed when it closes', () => {
    const preview = workflow('preview.yml');
    expect(preview.on.pull_request.types).toEqual([
      'opened',
      'synchronize',
      'reopened',
      'closed',
    ]);
    expect(preview.jobs['deploy-preview']).toMatchObject({
      if: "github.event.action != 'closed'",
      with: {
        environment: 'preview',
        command: 'deploy',
        'preview-id': '${{ github.event.pull_request.number }}',
      },
    });
    expect(preview.jobs['destroy-preview']).toMatchObject({
      if: "github.event.action == 'closed'",
      with: { environment: 'preview', command: 'destroy' },
    });
  });

  it('shuts staging down at 18:00 UTC on weekdays and starts it by hand', () => {
    const schedule = workflow('staging-schedule.yml');
    expect(schedule.on.schedule).toEqual([{ cron: '0 18 * * 1-5' }]);
    expect(schedule.on).toHaveProperty('workflow_dispatch');
    expect(schedule.jobs['shutdown-staging'].steps?.[0].run).toContain(
      'gh workflow run deploy-staging.yml --repo "$GITHUB_REPOSITORY" --ref develop -f command=destroy',
    );
    expect(schedule.jobs['start-staging'].steps?.[0].run).toContain(
      '-f command=deploy',
    );
  });

  it('has the promote workflow the workflow-dispatch strategy runs', () => {
    const promote = workflow('promote.yml');
    expect(Object.keys(promote.on.workflow_dispatch.inputs)).toEqual([
      'source_branch',
      'target_branch',
      'sha',
    ]);
    // The run's title names the promoted commit, so the run can be found without a run id.
    expect(promote['run-name']).toContain('${{ inputs.sha }}');
  });

  /** Where a dry run's CDK app gets @stageline/cdk-environments: its range and the .npmrc settings. */
  const cdkEnvironmentsSource = (run: DryRunResult) => ({
    version: JSON.parse(scaffolder.file(run, 'infrastructure/package.json'))
      .dependencies['@stageline/cdk-environments'],
    npmrc: scaffolder
      .file(run, 'infrastructure/.npmrc')
      .split('\n')
      .filter(line => line.trim() && !line.startsWith('#')),
  });

  it('depends on @stageline/cdk-environments at the default range and says it is not on npm', () => {
    expect(cdkEnvironmentsSource(result)).toEqual({
      version: '^0.1.0',
      npmrc: [],
    });
    const readme = scaffolder.file(result, 'README.md');
    expect(readme).toContain(
      '1. Make `@stageline/cdk-environments` installable. **It is not on the public npm registry**',
    );
    expect(readme).toContain(
      'point the `@stageline` scope at\n   that registry in `infrastructure/.npmrc`',
    );
  });

  it("installs @stageline/cdk-environments from the organisation's registry when given", async () => {
    const custom = await scaffolder.dryRun('service-with-environments', {
      ...VALUES,
      cdkEnvironmentsVersion: '~0.3.1',
      npmRegistry: 'https://npm.pkg.github.com',
    });

    expect(custom.status).toBe(200);
    expect(cdkEnvironmentsSource(custom)).toEqual({
      version: '~0.3.1',
      npmrc: [
        '@stageline:registry=https://npm.pkg.github.com/',
        '//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}',
      ],
    });
    expect(scaffolder.file(custom, 'README.md')).toContain(
      '`~0.3.1` from\n   https://npm.pkg.github.com (`infrastructure/.npmrc`)',
    );
  });

  it('refuses a registry that is not a URL, naming the field', async () => {
    const bad = await scaffolder.dryRun('service-with-environments', {
      ...VALUES,
      npmRegistry: 'npm.acme.internal',
    });

    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.errors)).toContain('npmRegistry');
  });

  it('writes a README naming the stacks', () => {
    const readme = scaffolder.file(result, 'README.md');
    expect(readme).toContain('# macro-ai');
    expect(readme).toContain('`MacroAiStagingStack`');
    expect(readme).toContain('`MacroAiProductionStack`');
  });
});
