import { resolve } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readLocalRepositorySettings } from './readLocalRepositorySettings';

const local = {
  environments: {
    localRepository: {
      path: '../../.stageline/local-repo',
      repositories: ['acme/macro-ai'],
    },
  },
};

describe('readLocalRepositorySettings', () => {
  it('resolves the path against the working directory', () => {
    expect(readLocalRepositorySettings(new ConfigReader(local))).toEqual({
      path: resolve('../../.stageline/local-repo'),
      repositories: ['acme/macro-ai'],
    });
  });

  it('is off when a later config file sets it to null, as app-config.production.yaml does', () => {
    const config = ConfigReader.fromConfigs([
      { context: 'app-config.yaml', data: local },
      {
        context: 'app-config.production.yaml',
        data: { environments: { localRepository: null } },
      },
    ]);
    expect(readLocalRepositorySettings(config)).toBeUndefined();
  });

  it('names the key of a missing or bad value', () => {
    const read = (localRepository: object) => () =>
      readLocalRepositorySettings(
        new ConfigReader({ environments: { localRepository } }),
      );
    expect(read({ repositories: ['acme/macro-ai'] })).toThrow(
      "Missing required config value at 'environments.localRepository.path'",
    );
    expect(read({ path: 'repo', repositories: [] })).toThrow(
      'environments.localRepository.repositories must list the GitHub repositories ("owner/repo") the local repository stands in for',
    );
    expect(read({ path: 'repo', repositories: ['acme/macro-ai/x'] })).toThrow(
      'environments.localRepository.repositories[0] must be "owner/repo"; got "acme/macro-ai/x"',
    );
  });
});
