import { Template } from 'aws-cdk-lib/assertions';
import {
  SynthesizeEnvironmentInput,
  synthesizeEnvironment,
} from '../synthesizeEnvironment';

/**
 * Synthesizes a `macro-ai` environment in eu-west-2 for assertions.
 *
 * @internal
 */
export function synthesizeForTest(
  input: Partial<SynthesizeEnvironmentInput> &
    Pick<SynthesizeEnvironmentInput, 'stage' | 'scale'>,
): { stackName: string; template: Template; json: Record<string, any> } {
  const { stackName, template } = synthesizeEnvironment({
    appName: 'macro-ai',
    region: 'eu-west-2',
    account: '123456789012',
    ...input,
  });
  return { stackName, template: Template.fromJSON(template), json: template };
}

/**
 * The tags of every resource that has a `Tags` property, as key/value maps.
 *
 * @internal
 */
export function resourceTags(
  json: Record<string, any>,
): Array<[string, Record<string, string>]> {
  return Object.entries<any>(json.Resources)
    .filter(([, resource]) => resource.Properties?.Tags)
    .map(([, resource]) => {
      const tags = resource.Properties.Tags;
      const map = Array.isArray(tags)
        ? Object.fromEntries(
            tags.map((tag: { Key: string; Value: string }) => [
              tag.Key,
              tag.Value,
            ]),
          )
        : tags;
      return [resource.Type, map];
    });
}
