import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { validateEnvironmentEntity } from './environmentEntityV1alpha1Validator';
import { deploymentModeOf } from './EnvironmentEntityV1alpha1';

const EXAMPLES = path.resolve(
  __dirname,
  '../../../../examples/environments.yaml',
);

describe('examples/environments.yaml', () => {
  const entities = yaml
    .parseAllDocuments(fs.readFileSync(EXAMPLES, 'utf8'))
    .map(document => document.toJSON())
    .filter(Boolean);

  it('holds only valid Environments', () => {
    expect(entities.length).toBeGreaterThan(0);
    for (const entity of entities) {
      expect([entity.metadata.name, validateEnvironmentEntity(entity)]).toEqual(
        [entity.metadata.name, []],
      );
    }
  });

  it('shows every deployment mode', () => {
    expect(new Set(entities.map(deploymentModeOf))).toEqual(
      new Set(['pipeline', 'cdk-app', 'reference']),
    );
  });
});
