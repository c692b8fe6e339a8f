import Ajv from 'ajv';
import {
  Entity,
  KindValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import { environmentEntityV1alpha1Schema } from './environmentEntityV1alpha1Schema';
import { formatSchemaError } from './formatSchemaError';
import { deploymentModeErrors } from './deploymentModeErrors';
import { previewErrors } from './previewSettings';
import { scheduleErrors } from './scheduleErrors';
import { EnvironmentEntityV1alpha1 } from './EnvironmentEntityV1alpha1';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const validateSchema = ajv.compile(environmentEntityV1alpha1Schema);

/** Which kinds each reference field may point at; the first is the default kind. */
const REF_FIELDS: Array<{
  field: keyof EnvironmentEntityV1alpha1['spec'];
  kinds: string[];
}> = [
  { field: 'owner', kinds: ['group', 'user'] },
  { field: 'system', kinds: ['system'] },
  { field: 'component', kinds: ['component'] },
  { field: 'promotesTo', kinds: ['environment'] },
];

function refKindErrors(entity: EnvironmentEntityV1alpha1): string[] {
  const errors: string[] = [];
  for (const { field, kinds } of REF_FIELDS) {
    const value = entity.spec[field];
    if (typeof value !== 'string') continue;
    const ref = parseEntityRef(value, { defaultKind: kinds[0] });
    if (!kinds.includes(ref.kind.toLocaleLowerCase('en-US'))) {
      errors.push(
        `spec.${field} must refer to a ${kinds.join(
          ' or ',
        )}; got ${JSON.stringify(value)}`,
      );
    }
  }
  return errors;
}

/**
 * Every problem with an Environment entity, one sentence each naming the field; empty when valid.
 *
 * @public
 */
export function validateEnvironmentEntity(entity: unknown): string[] {
  if (!validateSchema(entity)) {
    return (validateSchema.errors ?? []).map(formatSchemaError);
  }
  const environment = entity as unknown as EnvironmentEntityV1alpha1;
  return [
    ...refKindErrors(environment),
    ...deploymentModeErrors(environment),
    ...previewErrors(environment),
    ...scheduleErrors(environment),
  ];
}

/**
 * A {@link @backstage/catalog-model#KindValidator} for Environment entities: returns false for
 * other kinds, true for a valid Environment, and throws a TypeError listing every problem.
 *
 * @public
 */
export const environmentEntityV1alpha1Validator: KindValidator = {
  async check(entity: Entity) {
    const isOurs =
      entity.kind?.toLocaleLowerCase('en-US') === 'environment' &&
      entity.apiVersion?.startsWith('stageline.dev/');
    if (!isOurs) {
      return false;
    }
    const errors = validateEnvironmentEntity(entity);
    if (errors.length > 0) {
      const name = entity.metadata?.name ?? '(unnamed)';
      throw new TypeError(
        `Invalid Environment "${name}": ${errors.join('; ')}`,
      );
    }
    return true;
  },
};
