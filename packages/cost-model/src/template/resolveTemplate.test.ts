import { parseTemplate } from './parseTemplate';
import { resolveTemplate } from './resolveTemplate';
import { ResourceRef, Unresolved } from './values';

const template = parseTemplate(`
Parameters:
  Stage: { Type: String, Default: staging }
  Size: { Type: Number, Default: 20 }
  Zones: { Type: CommaDelimitedList, Default: "a,b,c" }
  Secret: { Type: String }
  Latest: { Type: "AWS::SSM::Parameter::Value<String>", Default: /x/y }
Mappings:
  Classes:
    eu-west-2: { staging: db.t4g.micro, production: db.r6g.large }
Conditions:
  IsProd: !Equals [!Ref Stage, production]
  IsStaging: !Not [!Condition IsProd]
  Both: !And [!Condition IsStaging, !Equals [!Ref Size, 20]]
  Unknown: !Equals [!Ref Secret, x]
  UnknownOrTrue: !Or [!Condition Unknown, !Condition IsStaging]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceClass: !FindInMap [Classes, !Ref "AWS::Region", !Ref Stage]
      MultiAZ: !If [IsProd, true, false]
      AllocatedStorage: !Ref Size
      Name: !Sub "\${Stage}-\${AWS::Region}-\${!Literal}"
      Account: !Sub "\${AWS::AccountId}"
      Iops: !If [IsProd, 3000, !Ref "AWS::NoValue"]
      List: [a, !Ref "AWS::NoValue", b]
      Endpoint: !GetAtt Cache.RedisEndpoint.Address
      Joined: !Join ["-", [!Ref Stage, x]]
      Second: !Select [1, !Ref Zones]
      Parts: !Split ["-", "a-b"]
      Count: !Length [[1, 2, 3]]
      Password: !Ref Secret
      Latest: !Ref Latest
      Cache: !Ref Cache
      Both: !If [Both, yes, no]
      Guess: !If [UnknownOrTrue, yes, no]
  Cache:
    Type: AWS::ElastiCache::CacheCluster
    Condition: IsProd
  Topic:
    Type: AWS::SNS::Topic
    Condition: Unknown
`);

describe('resolveTemplate', () => {
  const resolved = resolveTemplate(template, 'eu-west-2');
  const db = resolved.byId.get('Db')!.properties;

  it('resolves parameters, pseudo parameters, mappings, conditions and string functions', () => {
    expect(db).toMatchObject({
      DBInstanceClass: 'db.t4g.micro',
      MultiAZ: false,
      AllocatedStorage: 20,
      Name: 'staging-eu-west-2-${Literal}',
      List: ['a', 'b'],
      Joined: 'staging-x',
      Second: 'b',
      Parts: ['a', 'b'],
      Count: 3,
      Both: 'yes',
      Guess: 'yes',
    });
    expect(db).not.toHaveProperty('Iops');
  });

  it('marks what cannot be known offline, with the reason', () => {
    expect(db.Account).toEqual(
      new Unresolved('Fn::Sub with ${AWS::AccountId} unknown offline'),
    );
    expect(db.Endpoint).toEqual(
      new Unresolved('Fn::GetAtt Cache.RedisEndpoint.Address', 'Cache'),
    );
    expect(db.Password).toEqual(
      new Unresolved('parameter Secret has no default'),
    );
    expect(db.Latest).toBeInstanceOf(Unresolved);
    expect(db.Cache).toEqual(new ResourceRef('Cache'));
  });

  it('leaves out resources whose condition is false, keeps unknown ones, and says so', () => {
    expect(resolved.resources.map(resource => resource.logicalId)).toEqual([
      'Db',
      'Topic',
    ]);
    expect(resolved.notes).toEqual(
      expect.arrayContaining([
        'Cache is not created: condition IsProd is false',
        'Condition Unknown depends on values unknown offline: treated as true',
      ]),
    );
  });

  it('takes parameter values over defaults', () => {
    const production = resolveTemplate(template, 'eu-west-2', {
      Stage: 'production',
    });
    expect(production.byId.get('Db')!.properties).toMatchObject({
      DBInstanceClass: 'db.r6g.large',
      MultiAZ: true,
      Iops: 3000,
    });
    expect(production.byId.has('Cache')).toBe(true);
  });
});

describe('resolveTemplate on circular templates', () => {
  it('names circular conditions, resource references and self-referring mappings', () => {
    const circular = parseTemplate(`
Mappings:
  M: { a: { b: !FindInMap [M, a, b] } }
Conditions:
  A: !Condition B
  B: !Not [!Condition A]
Resources:
  First:
    Type: AWS::SNS::Topic
    Condition: A
    Properties: { DisplayName: !GetAtt Second.TopicName, Size: !FindInMap [M, a, b] }
  Second:
    Type: AWS::SNS::Topic
    Properties: { DisplayName: !Sub "\${Third}" }
  Third:
    Type: AWS::SQS::Queue
    DependsOn: First
`);
    const resolved = resolveTemplate(circular, 'eu-west-2');
    expect(resolved.notes).toEqual(
      expect.arrayContaining([
        'Conditions are circular (A → B → A): A treated as unknown; CloudFormation would reject the template',
        'Circular dependency between resources First → Second → Third → First: CloudFormation would reject the template',
      ]),
    );
    expect(resolved.byId.get('First')!.properties.Size).toEqual(
      new Unresolved('Fn::FindInMap M.a.b is not a literal value'),
    );
  });
});
