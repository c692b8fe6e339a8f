import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startScaffolder } from './__testUtils__/scaffolderDryRun';

jest.setTimeout(60_000);

describe('scaffolderModuleEnvironments', () => {
  it('registers the six environment actions with their input and output schemas', async () => {
    const { server } = await startScaffolder();

    const response = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    const actions = (
      response.body as Array<{ id: string; schema: any; examples: unknown[] }>
    ).filter(a => a.id.startsWith('environment:'));
    expect(actions.map(a => a.id).sort()).toEqual([
      'environment:deploy',
      'environment:destroy',
      'environment:github:setup',
      'environment:plan',
      'environment:promote',
      'environment:rollback',
    ]);
    const plan = actions.find(a => a.id === 'environment:plan')!;
    expect(plan.schema.input.properties.scale).toMatchObject({
      type: 'string',
      enum: ['hobby', 'enhanced-hobby', 'enterprise'],
    });
    expect(Object.keys(plan.schema.output.properties)).toEqual(
      expect.arrayContaining([
        'stackName',
        'estimate',
        'withinBudget',
        'changeSummary',
        'summary',
      ]),
    );
    for (const action of actions) {
      expect(action.schema.input.type).toBe('object');
      expect(action.schema.output.type).toBe('object');
      expect(action.examples.length).toBeGreaterThan(0);
    }
  });
});
