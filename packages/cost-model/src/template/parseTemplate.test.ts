import { parseTemplate } from './parseTemplate';

describe('parseTemplate', () => {
  it('takes an object or a JSON string', () => {
    const template = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };
    expect(parseTemplate(template)).toBe(template);
    expect(parseTemplate(JSON.stringify(template))).toEqual(template);
  });

  it('reads YAML short-form intrinsics as their long forms', () => {
    const template = parseTemplate(`
Parameters:
  Stage: { Type: String, Default: staging }
Conditions:
  IsProd: !Equals [!Ref Stage, production]
  NotProd: !Not [!Condition IsProd]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceClass: !If [IsProd, db.r6g.large, !FindInMap [Classes, !Ref "AWS::Region", small]]
      DBName: !Sub "\${Stage}-db"
      Endpoint: !GetAtt Other.Endpoint.Address
      Url: !Sub
        - "https://\${Host}/x"
        - { Host: !GetAtt [Other, DomainName] }
      Zones: !Join [",", !GetAZs ""]
      Tags: !Split [",", !Select [0, [a, b]]]
      Blob: !Base64 { "Fn::Sub": "x" }
      Imported: !ImportValue shared-vpc
`);
    const properties = template.Resources.Db.Properties!;
    expect(template.Conditions).toEqual({
      IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'production'] },
      NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    });
    expect(properties.DBInstanceClass).toEqual({
      'Fn::If': [
        'IsProd',
        'db.r6g.large',
        { 'Fn::FindInMap': ['Classes', { Ref: 'AWS::Region' }, 'small'] },
      ],
    });
    expect(properties.DBName).toEqual({ 'Fn::Sub': '${Stage}-db' });
    expect(properties.Endpoint).toEqual({
      'Fn::GetAtt': ['Other', 'Endpoint.Address'],
    });
    expect(properties.Url).toEqual({
      'Fn::Sub': [
        'https://${Host}/x',
        { Host: { 'Fn::GetAtt': ['Other', 'DomainName'] } },
      ],
    });
    expect(properties.Zones).toEqual({
      'Fn::Join': [',', { 'Fn::GetAZs': '' }],
    });
    expect(properties.Tags).toEqual({
      'Fn::Split': [',', { 'Fn::Select': [0, ['a', 'b']] }],
    });
    expect(properties.Blob).toEqual({ 'Fn::Base64': { 'Fn::Sub': 'x' } });
    expect(properties.Imported).toEqual({ 'Fn::ImportValue': 'shared-vpc' });
  });

  it.each([
    ['{ "Resources": ', /does not parse as JSON or YAML/],
    ['a: [b', /does not parse as JSON or YAML/],
    [
      'Description: nothing',
      'Not a CloudFormation template: it has no Resources section',
    ],
    [
      'Resources: { Bucket: { Properties: {} } }',
      'Invalid template: resource Bucket has no Type',
    ],
  ])('rejects %j', (text, message) => {
    expect(() => parseTemplate(text)).toThrow(message);
  });
});

describe('parseTemplate on hostile input', () => {
  // A 442-byte "billion laughs" YAML: 9 levels of 9 aliases each expand to 9^9 (387M) values.
  // Before alias expansion was bounded it hung `stageline-cost` (issue 13).
  const billionLaughs = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghi'
      .split('')
      .map(
        (name, index) =>
          `${name}: &${name} [${Array(9)
            .fill(`*${'abcdefghi'[index]}`)
            .join(', ')}]`,
      ),
    'Resources:',
    '  T: {Type: AWS::SNS::Topic, Properties: {Tags: *i}}',
  ].join('\n');

  it('refuses a billion-laughs YAML file with a clear message', () => {
    expect(billionLaughs.length).toBeLessThan(500);
    expect(() => parseTemplate(billionLaughs)).toThrow(
      'Template YAML expands aliases too much (more than 1000 alias expansions)',
    );
  });

  it('still reads a few aliases, also inside short-form tags', () => {
    const template = parseTemplate(`
Defaults: &size { DBInstanceClass: db.t4g.micro }
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Copy: *size
      Class: !If [IsProd, *size, small]
`);
    expect(template.Resources.Db.Properties).toEqual({
      Copy: { DBInstanceClass: 'db.t4g.micro' },
      Class: {
        'Fn::If': ['IsProd', { DBInstanceClass: 'db.t4g.micro' }, 'small'],
      },
    });
  });

  it('names an unknown tag and its line, as CloudFormation would', () => {
    expect(() =>
      parseTemplate(
        'Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      X: !Vault secret/x\n',
      ),
    ).toThrow('Template YAML has an unknown tag !Vault at line 5');
  });

  it('refuses deeply nested YAML, JSON and objects instead of overflowing the stack', () => {
    const nested = (depth: number) =>
      `{"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {"X": ${'['.repeat(
        depth,
      )}${']'.repeat(depth)}}}}}`;
    expect(() => parseTemplate(nested(50_000))).toThrow(
      'Template nested too deeply: more than 100 levels at Resources.T.Properties.X.0.0...',
    );
    expect(() => parseTemplate(`Resources: ${nested(5_000)}`)).toThrow(
      'Template nested too deeply: more than 100 levels',
    );
    expect(() => parseTemplate(nested(90))).not.toThrow();
  });

  it('refuses a template that contains itself', () => {
    expect(() =>
      parseTemplate(
        'Resources:\n  T: &x {Type: AWS::SNS::Topic, Properties: {Tags: *x}}\n',
      ),
    ).toThrow(
      'Template is circular: Resources.T.Properties.Tags contains itself',
    );
  });

  it('refuses text over the size limit before parsing it', () => {
    const huge = `Resources: {}\n#${'x'.repeat(5_000_001)}`;
    expect(() => parseTemplate(huge)).toThrow(
      /^Template too large: 5,000,016 characters; the limit is 5,000,000 \(CloudFormation's own limit is 1 MB\)$/,
    );
  });
});
