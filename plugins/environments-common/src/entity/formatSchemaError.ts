import type { ErrorObject } from 'ajv';

/** `/spec/budget/monthly` → `spec.budget.monthly` */
function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (child) parts.push(child);
  return parts.join('.') || '(entity)';
}

/**
 * Turns one JSON Schema error into a sentence that names the field, what was expected and
 * what was given, e.g. `spec.scale must be one of hobby, enterprise; got "huge"`.
 */
export function formatSchemaError(error: ErrorObject): string {
  const field = fieldPath(error.instancePath);
  const got = `got ${JSON.stringify(error.data)}`;
  const schema = error.parentSchema as { description?: string } | undefined;
  switch (error.keyword) {
    case 'required':
      return `${fieldPath(
        error.instancePath,
        error.params.missingProperty,
      )} is required`;
    case 'enum':
      return `${field} must be one of ${error.params.allowedValues.join(
        ', ',
      )}; ${got}`;
    case 'additionalProperties':
      return `${field} has an unknown field "${error.params.additionalProperty}"`;
    case 'type':
      return `${field} must be a ${error.params.type}; ${got}`;
    case 'pattern':
      return `${field} must be ${
        schema?.description ?? `a string matching ${error.params.pattern}`
      }; ${got}`;
    case 'minimum':
      return `${field} must be ${error.params.comparison} ${error.params.limit}; ${got}`;
    case 'minLength':
      return `${field} must not be empty`;
    default:
      return `${field} ${error.message}; ${got}`;
  }
}
