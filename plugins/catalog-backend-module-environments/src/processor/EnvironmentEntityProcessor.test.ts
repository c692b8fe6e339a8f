import { EnvironmentEntityProcessor } from './EnvironmentEntityProcessor';

const location = { type: 'url', target: 'https://example.com/environments.yaml' };

function environment(spec: Record<string, unknown>, namespace = 'default'): any {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: { name: 'macro-ai-api-staging', namespace },
    spec: { type: 'staging', owner: 'platform', component: 'macro-ai-api', scale: 'hobby', ...spec },
  };
}

async function relationsOf(entity: any) {
  const emit = jest.fn();
  await new EnvironmentEntityProcessor().postProcessEntity(entity, location, emit);
  return emit.mock.calls.map(([result]) => {
    const { source, type, target } = result.relation;
    const ref = (r: any) => `${r.kind.toLocaleLowerCase()}:${r.namespace}/${r.name}`;
    return `${ref(source)} ${type} ${ref(target)}`;
  });
}

describe('EnvironmentEntityProcessor', () => {
  const processor = new EnvironmentEntityProcessor();

  it('emits every relation in both directions with default kinds and the entity namespace', async () => {
    const relations = await relationsOf(
      environment({ system: 'macro-ai', promotesTo: 'macro-ai-api-production' }, 'acme'),
    );
    expect(relations.sort()).toEqual(
      [
        'environment:acme/macro-ai-api-staging ownedBy group:acme/platform',
        'group:acme/platform ownerOf environment:acme/macro-ai-api-staging',
        'environment:acme/macro-ai-api-staging partOf system:acme/macro-ai',
        'system:acme/macro-ai hasPart environment:acme/macro-ai-api-staging',
        'environment:acme/macro-ai-api-staging environmentOf component:acme/macro-ai-api',
        'component:acme/macro-ai-api hasEnvironment environment:acme/macro-ai-api-staging',
        'environment:acme/macro-ai-api-staging promotesTo environment:acme/macro-ai-api-production',
        'environment:acme/macro-ai-api-production promotedFrom environment:acme/macro-ai-api-staging',
      ].sort(),
    );
  });

  it('keeps explicit kinds and namespaces, and emits nothing for absent optional fields', async () => {
    const relations = await relationsOf(
      environment({ owner: 'user:people/alice', component: 'component:shop/cart' }),
    );
    expect(relations.sort()).toEqual(
      [
        'environment:default/macro-ai-api-staging ownedBy user:people/alice',
        'user:people/alice ownerOf environment:default/macro-ai-api-staging',
        'environment:default/macro-ai-api-staging environmentOf component:shop/cart',
        'component:shop/cart hasEnvironment environment:default/macro-ai-api-staging',
      ].sort(),
    );
  });

  it('leaves other kinds alone', async () => {
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { owner: 'platform', system: 'y' },
    };
    await expect(relationsOf(component)).resolves.toEqual([]);
    await expect(processor.validateEntityKind(component)).resolves.toBe(false);
  });

  it('validates Environments and rejects an invalid one with the field named', async () => {
    await expect(processor.validateEntityKind(environment({}))).resolves.toBe(true);
    await expect(processor.validateEntityKind(environment({ scale: 'huge' }))).rejects.toThrow(
      'spec.scale must be one of hobby, enhanced-hobby, enterprise; got "huge"',
    );
  });
});
