import yaml from 'yaml';
import { templateHash } from './templateHash';

describe('templateHash', () => {
  const template = {
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'a' } },
      Queue: { Type: 'AWS::SQS::Queue' },
    },
    Outputs: { Name: { Value: { Ref: 'Topic' } } },
  };

  it('is the same for the JSON of the cloud assembly and the YAML the toolkit sends', () => {
    const asYaml = yaml.stringify(template);
    expect(templateHash(yaml.parse(asYaml))).toBe(templateHash(template));
    expect(
      templateHash(JSON.parse(JSON.stringify(template, undefined, 2))),
    ).toBe(templateHash(template));
  });

  it('does not depend on the order of keys', () => {
    const reordered = {
      Outputs: template.Outputs,
      Resources: {
        Queue: template.Resources.Queue,
        Topic: { Properties: { DisplayName: 'a' }, Type: 'AWS::SNS::Topic' },
      },
    };
    expect(templateHash(reordered)).toBe(templateHash(template));
  });

  it('changes with any value, and keeps the order of lists', () => {
    const changed = structuredClone(template);
    changed.Resources.Topic.Properties.DisplayName = 'b';
    expect(templateHash(changed)).not.toBe(templateHash(template));
    expect(templateHash({ A: [1, 2] })).not.toBe(templateHash({ A: [2, 1] }));
    expect(templateHash(template)).toMatch(/^[0-9a-f]{64}$/);
  });
});
