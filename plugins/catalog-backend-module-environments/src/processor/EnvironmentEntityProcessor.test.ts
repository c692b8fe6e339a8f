import { EnvironmentEntityProcessor } from './EnvironmentEntityProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/environments.yaml',
};

function environment(
  spec: Record<string, unknown>,
  namespace = 'default',
): any {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: { name: 'macro-ai-api-staging', namespace },
    spec: {
      type: 'staging',
      owner: 'platform',
      component: 'macro-ai-api',
      scale: 'hobby',
      ...spec,
    },
  };
}

function component(owner: string): any {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'macro-ai-api', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** What the processor emits for `entity` when the catalog holds `components`. */
async function emitted(
  entity: any,
  components: Record<string, any>,
  trustedOwners: string[] = [],
) {
  const emit = jest.fn();
  const getComponent = jest.fn(async (ref: string) => components[ref]);
  await new EnvironmentEntityProcessor({
    getComponent,
    trustedOwners,
  }).postProcessEntity(entity, location, emit);
  return {
    errors: emit.mock.calls
      .map(([r]) => r)
      .filter(r => r.type === 'error')
      .map(r => r.error.message),
    asked: getComponent.mock.calls.map(([ref]) => ref),
  };
}

async function relationsOf(entity: any) {
  const emit = jest.fn();
  await new EnvironmentEntityProcessor().postProcessEntity(
    entity,
    location,
    emit,
  );
  return emit.mock.calls.map(([result]) => {
    const { source, type, target } = result.relation;
    const ref = (r: any) =>
      `${r.kind.toLocaleLowerCase()}:${r.namespace}/${r.name}`;
    return `${ref(source)} ${type} ${ref(target)}`;
  });
}

describe('EnvironmentEntityProcessor', () => {
  const processor = new EnvironmentEntityProcessor();

  it('emits every relation in both directions with default kinds and the entity namespace', async () => {
    const relations = await relationsOf(
      environment(
        { system: 'macro-ai', promotesTo: 'macro-ai-api-production' },
        'acme',
      ),
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
      environment({
        owner: 'user:people/alice',
        component: 'component:shop/cart',
      }),
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
    const other = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { owner: 'platform', system: 'y' },
    };
    await expect(relationsOf(other)).resolves.toEqual([]);
    await expect(processor.validateEntityKind(other)).resolves.toBe(false);
  });

  it('validates Environments and rejects an invalid one with the field named', async () => {
    await expect(processor.validateEntityKind(environment({}))).resolves.toBe(
      true,
    );
    await expect(
      processor.validateEntityKind(environment({ scale: 'huge' })),
    ).rejects.toThrow(
      'spec.scale must be one of hobby, enhanced-hobby, enterprise; got "huge"',
    );
  });
});

describe('EnvironmentEntityProcessor ownership check', () => {
  const mine = environment({ owner: 'user:default/mallory' });

  it("marks an Environment whose owner is not its component's owner with an error naming both", async () => {
    const { errors, asked } = await emitted(mine, {
      'component:default/macro-ai-api': component('group:default/platform'),
    });
    expect(asked).toEqual(['component:default/macro-ai-api']);
    expect(errors).toEqual([
      "environment:default/macro-ai-api-staging is owned by user:default/mallory, but its component component:default/macro-ai-api is owned by group:default/platform: an Environment must have its component's owner (or an owner in environments.security.trustedEnvironmentOwners)",
    ]);
  });

  it('accepts the component owner, in any spelling of the ref, and a trusted owner', async () => {
    const components = {
      'component:default/macro-ai-api': component('platform'),
    };
    await expect(
      emitted(environment({ owner: 'group:default/Platform' }), components),
    ).resolves.toMatchObject({ errors: [] });
    await expect(
      emitted(mine, components, ['user:default/mallory']),
    ).resolves.toMatchObject({ errors: [] });
  });

  it('lets an Environment through while its component is not in the catalog (the backend checks again)', async () => {
    await expect(emitted(mine, {})).resolves.toMatchObject({ errors: [] });
  });
});
