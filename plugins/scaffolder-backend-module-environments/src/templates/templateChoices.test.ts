import {
  BUDGET_CURRENCIES,
  ENVIRONMENT_SCALES,
  ENVIRONMENT_STAGES,
  PROMOTION_STRATEGIES,
} from '@stageline/plugin-environments-common';
import { readTemplate, templateNames } from '../__testUtils__/templateFiles';

/**
 * The choices a template form offers, from the one definition in -common. A preview is not
 * chosen on a form: the catalog module makes one for each pull request.
 */
const VOCABULARIES: Array<{ name: string; values: readonly string[] }> = [
  {
    name: 'stages',
    values: ENVIRONMENT_STAGES.filter(stage => stage !== 'preview'),
  },
  { name: 'scales', values: ENVIRONMENT_SCALES },
  { name: 'currencies', values: BUDGET_CURRENCIES },
  { name: 'promotion strategies', values: PROMOTION_STRATEGIES },
];

const choices = templateNames().flatMap(template =>
  readTemplate(template).spec.parameters.flatMap(page =>
    Object.entries(page.properties)
      .map(([property, schema]) => ({
        template,
        property,
        choices: (schema as { enum?: string[] }).enum,
      }))
      .filter(
        (found): found is typeof found & { choices: string[] } =>
          !!found.choices,
      ),
  ),
);

describe('template form choices', () => {
  it('are read from the templates', () => {
    expect(choices.map(c => `${c.template}.${c.property}`)).toEqual(
      expect.arrayContaining([
        'environment.stage',
        'environment.scale',
        'scale-environment.scale',
        'service-with-environments.productionScale',
      ]),
    );
  });

  it.each(choices)(
    '$template $property offers every value of its vocabulary in order',
    ({ choices: offered }) => {
      const vocabulary = VOCABULARIES.find(v => v.values.includes(offered[0]));
      expect(vocabulary).toBeDefined();
      expect(offered).toEqual(vocabulary!.values);
    },
  );
});
