import { parseRepositorySlug } from '../providers/entityFields';
import { repositoryKey, repositoryOfComponent } from './repositoryOfComponent';

const component = (annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'macro-ai-api', annotations },
});

describe('the repository of a component', () => {
  it('is its github.com/project-slug, else its github.com source location', () => {
    expect(
      repositoryOfComponent(
        component({ 'github.com/project-slug': 'acme/macro-ai' }),
      ),
    ).toEqual({ owner: 'acme', repo: 'macro-ai' });
    for (const location of [
      'url:https://github.com/acme/macro-ai/tree/main/',
      'url:https://github.com/acme/macro-ai',
      'url:https://github.com/acme/macro-ai.git',
    ]) {
      expect(
        repositoryOfComponent(
          component({ 'backstage.io/source-location': location }),
        ),
      ).toEqual({ owner: 'acme', repo: 'macro-ai' });
    }
    expect(
      repositoryOfComponent(
        component({
          'backstage.io/source-location':
            'url:https://gitlab.com/acme/macro-ai',
        }),
      ),
    ).toBeUndefined();
  });

  it('refuses slugs that could become another API path', () => {
    for (const slug of [
      'acme/..',
      'acme/.',
      '../acme/x',
      'acme/x/y',
      'a cme/x',
      'acme%2Fx/y',
    ]) {
      expect([slug, parseRepositorySlug(slug)]).toEqual([slug, undefined]);
    }
  });

  it('compares repositories case-insensitively, as GitHub does', () => {
    expect(repositoryKey({ owner: 'Acme', repo: 'Macro-AI' })).toBe(
      repositoryKey({ owner: 'acme', repo: 'macro-ai' }),
    );
  });
});
