import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import yaml from 'yaml';
import { startScaffolder } from '../__testUtils__/scaffolderDryRun';

jest.setTimeout(120_000);

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** The files of `examples/`, which the local app lists in `catalog.locations`. */
const exampleFiles = () =>
  fs
    .readdirSync(EXAMPLES)
    .filter(file => file.endsWith('.yaml'))
    .map(file => path.join(EXAMPLES, file));

/**
 * The entities of `examples/`, as the local app registers them: the catalog writes the `file:`
 * location each was read from.
 */
function exampleEntities(): Entity[] {
  return exampleFiles().flatMap(file =>
    yaml
      .parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(document => document.toJS() as Entity)
      .filter(Boolean)
      .map(entity => ({
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata.annotations,
            'backstage.io/managed-by-location': `file:${file}`,
          },
        },
      })),
  );
}

/**
 * The local example (`make start`: no cloud account, no GitHub token) runs its Environments'
 * deploys as dry runs through the real scaffolder: each of the three modes says exactly what it
 * would dispatch or deploy, and calls nothing.
 */
describe('the example Environments deployed from the scale-environment template, as dry runs', () => {
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;

  beforeAll(async () => {
    scaffolder = await startScaffolder({
      entities: exampleEntities(),
      config: {
        integrations: { github: [{ host: 'github.com' }] },
        catalog: {
          locations: exampleFiles().map(target => ({ type: 'file', target })),
        },
      },
    });
  });

  const deployAt = async (environment: string, scale: string) => {
    const result = await scaffolder.dryRun('scale-environment', {
      environment,
      scale,
      confirmOverBudget: true,
      deploy: true,
    });
    expect(result.status).toBe(200);
    return (
      scaffolder
        .messages(result)
        // eslint-disable-next-line no-control-regex
        .map(m => m.replace(/^\u001b\[\d+minfo\u001b\[39m: /, ''))
    );
  };

  it('dispatches the workflow of a pipeline Environment (macro-ai-api staging)', async () => {
    const messages = await deployAt(
      'environment:default/macro-ai-api-staging',
      'enhanced-hobby',
    );

    expect(messages).toContain(
      "Dry run: would dispatch workflow deploy.yml of acme/macro-ai on develop with inputs stage=staging, scale=enhanced-hobby, command=deploy, preview-id='', follow its run (each job and step and its conclusion) in this log; GitHub and AWS were not called",
    );
    expect(messages).toContain(
      'Pricing the @stageline/cdk-environments reference profile at enhanced-hobby scale, standing in for what deploy.yml deploys (a dry run reads no deployed template)',
    );
  });

  it('synthesizes and deploys the CDK app of a cdk-app Environment (macro-ai-web staging)', async () => {
    const messages = await deployAt(
      'environment:default/macro-ai-web-staging',
      'hobby',
    );

    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Dry run: would synthesize the CDK app in web\/infrastructure of the task workspace \(`node bin\/app\.js`, without a shell and without the backend's credentials\) and deploy its stack MacroAiWebStagingStack \(staging, hobby\) in eu-west-2, account 123456789012 with the CDK toolkit library through change set stageline-deploy-[\w-]+ \(file assets published to the bootstrap bucket, the change set shown in the log, then executed and its stack events streamed\); AWS was not called and the app was not run$/,
      ),
    );
  });

  it('deploys the reference profile of a reference Environment (macro-ai-web production)', async () => {
    const messages = await deployAt(
      'environment:default/macro-ai-web-production',
      'hobby',
    );

    expect(
      messages.some(message =>
        /^Dry run: would deploy MacroAiWebProductionStack \(production, hobby\) in eu-west-2, account 123456789012 from the @stageline\/cdk-environments reference profile: \d+ resources, template [\d,]+ bytes \(sent inline, within CloudFormation's 51,200-byte limit\), with the CDK toolkit library/.test(
          message,
        ),
      ),
    ).toBe(true);
  });
});
