import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

/**
 * The key-value zod schema form that `createTemplateAction` takes: one callback per field.
 */
export type ActionFieldSchemas = Record<
  string,
  (zImpl: typeof z) => z.ZodTypeAny
>;

/** The parsed value of an {@link ActionFieldSchemas}. */
export type ParsedActionInput<T extends ActionFieldSchemas> = z.infer<
  z.ZodObject<{ [K in keyof T]: ReturnType<T[K]> }>
>;

function describeIssue(issue: z.ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : 'input';
  switch (issue.code) {
    case 'invalid_enum_value':
      return `${field} must be one of ${issue.options.join(
        ', ',
      )}; got ${JSON.stringify(issue.received)}`;
    case 'invalid_type':
      return issue.received === 'undefined'
        ? `${field} is required`
        : `${field} must be a ${issue.expected}; got ${issue.received}`;
    case 'unrecognized_keys':
      return `${field} has unknown field(s) ${issue.keys.join(', ')}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/**
 * Validates an action's input against its field schemas, the same schemas the scaffolder turns
 * into JSON Schema, so a direct call or a mock context gets the same checks as a template run.
 *
 * @throws InputError naming every invalid field
 */
export function parseActionInput<T extends ActionFieldSchemas>(
  actionId: string,
  fields: T,
  input: unknown,
): ParsedActionInput<T> {
  const schema = z.object(
    Object.fromEntries(
      Object.entries(fields).map(([key, field]) => [key, field(z)]),
    ),
  );
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    throw new InputError(
      `Invalid input to ${actionId}: ${result.error.issues
        .map(describeIssue)
        .join('; ')}`,
    );
  }
  return result.data as ParsedActionInput<T>;
}
