import { z } from 'zod';
import { InputError } from '@backstage/errors';
import {
  ENVIRONMENT_SCALES,
  PROMOTION_STRATEGIES,
} from '@stageline/plugin-environments-common';

/** A namespace or name as the catalog allows them: 1–63 letters, digits and `-_.`. */
const NAME = '[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?';
const KIND = '[A-Za-z][A-Za-z0-9]{0,62}';

/**
 * An entity ref of one of `kinds` (the first is the default), checked here — characters,
 * lengths, kind — before anything reaches the catalog.
 */
const entityRef = (kinds: string[]) => {
  const pattern = new RegExp(`^(?:(${KIND}):)?(?:${NAME}/)?${NAME}$`);
  return z.string().superRefine((value, ctx) => {
    if (value.length > 200) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be at most 200 characters',
      });
      return;
    }
    const match = pattern.exec(value);
    if (
      !match ||
      !kinds.includes((match[1] ?? kinds[0]).toLocaleLowerCase('en-US'))
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `must be an entity ref of kind ${kinds.join(' or ')}, e.g. ${
          kinds[0]
        }:default/name`,
      });
    }
  });
};

/** A whole number sent as query text, e.g. `limit=20`; not `0x10`, `1e2` or a list. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be a whole number from ${min} to ${max}`)
        .max(max, `must be a whole number from ${min} to ${max}`),
    );

/** Query of `GET /environments`. */
export const listQuerySchema = z
  .object({
    entityRef: entityRef(['component']).optional(),
    owner: entityRef(['group', 'user']).optional(),
    system: entityRef(['system']).optional(),
  })
  .strict();

/** Body of `POST /environments/:namespace/:name/promote`. */
export const promoteBodySchema = z
  .object({
    dryRun: z.boolean().optional(),
    strategy: z.enum(PROMOTION_STRATEGIES).optional(),
  })
  .strict();

/** Query of `GET /environments/:namespace/:name/cost`. */
export const costQuerySchema = z
  .object({ scale: z.enum(ENVIRONMENT_SCALES).optional() })
  .strict();

/** Query of `GET /environments/:namespace/:name/promotions`. */
export const promotionsQuerySchema = z
  .object({ limit: wholeNumber(1, 500).optional() })
  .strict();

const entityName = (what: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${NAME}$`),
      `must be an entity ${what}: 1-63 letters, digits, -, _ or .`,
    );

/** Path of the per-environment routes. */
export const environmentPathSchema = z.object({
  namespace: entityName('namespace'),
  name: entityName('name'),
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
      }${Array.isArray(issue.input) ? ', given once' : ''}`;
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
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(
      `Invalid ${where}: ${parsed.error.issues
        .map(issue => describe(issue, fieldsOf(schema)))
        .join('; ')}`,
    );
  }
  return parsed.data;
}
