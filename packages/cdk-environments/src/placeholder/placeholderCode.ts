/**
 * Text every piece of placeholder code carries (the body of its health answer), so a template's
 * placeholder code can be told from a service's own.
 *
 * @public
 */
export const PLACEHOLDER_MARKER = 'Stageline placeholder';

/**
 * The code a resource of a template runs: a Lambda function's `Code`, or the containers of an
 * ECS task definition.
 *
 * @public
 */
export interface ResourceCode {
  readonly logicalId: string;
  readonly type: string;
  /** Whether it is the placeholder of `@stageline/cdk-environments`. */
  readonly placeholder: boolean;
  /** Where the code comes from, for messages: `s3://bucket/key`, `image …`, `inline code`. */
  readonly source: string;
  /** The code properties as in the template, to compare two templates' code. */
  readonly code: unknown;
}

/**
 * The part of a synthesized CloudFormation template that codeResources reads.
 *
 * @public
 */
export type TemplateResources = {
  Resources?: Record<
    string,
    { Type?: string; Properties?: Record<string, any> }
  >;
};

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function lambdaCode(properties: Record<string, any>) {
  const code = properties.Code ?? {};
  if (code.ZipFile !== undefined) {
    return {
      placeholder: describeValue(code.ZipFile).includes(PLACEHOLDER_MARKER),
      source: 'inline code',
      code,
    };
  }
  if (code.ImageUri !== undefined) {
    return {
      placeholder: false,
      source: `image ${describeValue(code.ImageUri)}`,
      code,
    };
  }
  return {
    placeholder: false,
    source: `s3://${describeValue(code.S3Bucket)}/${describeValue(code.S3Key)}`,
    code,
  };
}

function containerCode(properties: Record<string, any>) {
  const containers: Array<Record<string, unknown>> =
    properties.ContainerDefinitions ?? [];
  const code = containers.map(({ Image, Command, EntryPoint }) => ({
    Image,
    Command,
    EntryPoint,
  }));
  return {
    placeholder: containers.some(c =>
      describeValue(c.Command ?? '').includes(PLACEHOLDER_MARKER),
    ),
    source: containers.map(c => `image ${describeValue(c.Image)}`).join(', '),
    code,
  };
}

/**
 * The resources of a template that run code — Lambda functions (`AWS::Lambda::Function`) and
 * ECS task definitions (`AWS::ECS::TaskDefinition`) — with what code they run and whether it is
 * the placeholder.
 *
 * @public
 */
export function codeResources(template: TemplateResources): ResourceCode[] {
  return Object.entries(template.Resources ?? {}).flatMap(
    ([logicalId, resource]) => {
      const properties = resource.Properties ?? {};
      if (resource.Type === 'AWS::Lambda::Function') {
        return [{ logicalId, type: resource.Type, ...lambdaCode(properties) }];
      }
      if (resource.Type === 'AWS::ECS::TaskDefinition') {
        return [
          { logicalId, type: resource.Type, ...containerCode(properties) },
        ];
      }
      return [];
    },
  );
}
