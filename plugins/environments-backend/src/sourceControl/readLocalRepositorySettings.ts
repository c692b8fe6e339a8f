import { resolve } from 'node:path';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseRepositorySlug } from '@stageline/plugin-environments-node';

/** `environments.localRepository`: a git repository on disk standing in for GitHub. */
export interface LocalRepositorySettings {
  /** Absolute path (a relative one is resolved against the backend's working directory). */
  path: string;
  /** The GitHub repositories (`owner/repo`) it stands in for. */
  repositories: string[];
}

/**
 * Reads `environments.localRepository`; undefined when it is not set. Throws an InputError
 * naming the key of a bad value.
 */
export function readLocalRepositorySettings(
  root: Config,
): LocalRepositorySettings | undefined {
  const config = root.getOptionalConfig('environments.localRepository');
  if (!config) return undefined;
  const path = config.getString('path').trim();
  if (!path) {
    throw new InputError(
      'environments.localRepository.path must name a directory holding a git repository',
    );
  }
  const repositories = config.getStringArray('repositories');
  if (repositories.length === 0) {
    throw new InputError(
      'environments.localRepository.repositories must list the GitHub repositories ("owner/repo") the local repository stands in for',
    );
  }
  repositories.forEach((slug, index) => {
    if (!parseRepositorySlug(slug)) {
      throw new InputError(
        `environments.localRepository.repositories[${index}] must be "owner/repo"; got ${JSON.stringify(
          slug,
        )}`,
      );
    }
  });
  return { path: resolve(path), repositories };
}
