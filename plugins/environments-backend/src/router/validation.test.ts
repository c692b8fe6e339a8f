import { z } from 'zod';
import { InputError } from '@backstage/errors';
import { parseInput, promoteBodySchema } from './validation';

describe('parseInput', () => {
  it('names the fields the schema allows when it meets an unknown one', () => {
    const schema = z.object({ scale: z.string(), region: z.string() }).strict();
    expect(() =>
      parseInput(schema, { scale: 'hobby', region: 'x', zone: 'a' }, 'query'),
    ).toThrow(
      new InputError(
        'Invalid query: unknown field zone; allowed: scale, region',
      ),
    );
    expect(() =>
      parseInput(z.object({}).strict(), { a: 1, b: 2 }, 'body'),
    ).toThrow('Invalid body: unknown fields a, b; none allowed');
  });

  it('lists the promote body fields from its schema', () => {
    expect(() =>
      parseInput(promoteBodySchema, { force: true }, 'promote request'),
    ).toThrow(
      'Invalid promote request: unknown field force; allowed: dryRun, strategy',
    );
  });
});
