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
