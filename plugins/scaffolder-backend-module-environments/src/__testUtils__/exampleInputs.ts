import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import yaml from 'yaml';

/** Each example's description and the input of its one step. */
export function exampleInputs(
  examples: TemplateExample[],
): Array<[string, JsonObject]> {
  return examples.map(example => {
    const { steps } = yaml.parse(example.example) as {
      steps: Array<{ input: JsonObject }>;
    };
    if (steps.length !== 1) {
      throw new Error(`Example "${example.description}" should have one step`);
    }
    return [example.description, steps[0].input];
  });
}
