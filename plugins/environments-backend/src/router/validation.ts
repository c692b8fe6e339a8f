import { z } from 'zod';
import { InputError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ENVIRONMENT_SCALES,
  PROMOTION_STRATEGIES,
} from '@stageline/plugin-environments-common';

const entityRef = (defaultKind: string) =>
  z.string().refine(
    value => {
      try {
        parseEntityRef(value, { defaultKind });
        return true;
      } catch {
        return false;
      }
    },
    { message: `must be an entity ref, e.g. ${defaultKind}:default/name` },
  );

/** Query of `GET /environments`. */
export const listQuerySchema = z.object({
  entityRef: entityRef('component').optional(),
  owner: entityRef('group').optional(),
  system: entityRef('system').optional(),
});

/** Body of `POST /environments/:namespace/:name/promote`. */
export const promoteBodySchema = z
  .object({
    dryRun: z.boolean().optional(),
    strategy: z.enum(PROMOTION_STRATEGIES).optional(),
  })
  .strict();

/** Query of `GET /environments/:namespace/:name/cost`. */
export const costQuerySchema = z.object({
  scale: z.enum(ENVIRONMENT_SCALES).optional(),
});

/** Query of `GET /environments/:namespace/:name/promotions`. */
export const promotionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** Path of the per-environment routes. */
export const environmentPathSchema = z.object({
  namespace: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, 'must be an entity namespace'),
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be an entity name'),
});

type Issue = z.core.$ZodIssue;

/** The fields an object schema accepts, for "unknown field" messages. */
function fieldsOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function describe(issue: Issue, fields: string[]): string {
  const field = issue.path.map(String).join('.') || 'body';
  switch (issue.code) {
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return `${field} must be ${
        issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`
      }`;
    case 'unrecognized_keys':
      return `unknown field${
        issue.keys.length > 1 ? 's' : ''
      } ${issue.keys.join(', ')}; ${
        fields.length ? `allowed: ${fields.join(', ')}` : 'none allowed'
      }`;
    default:
      return `${field} ${issue.message}`;
  }
}

/**
 * Parses `value` with `schema` or throws an InputError (400) naming each bad field, e.g.
 * `strategy must be one of pull-request, merge, workflow-dispatch`.
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InputError(
      `Invalid ${where}: ${parsed.error.issues
        .map(issue => describe(issue, fieldsOf(schema)))
        .join('; ')}`,
    );
  }
  return parsed.data;
}
