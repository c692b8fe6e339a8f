import { estimateMonthlyCost } from './estimateMonthlyCost';

const small = {
  Resources: {
    Nat: { Type: 'AWS::EC2::NatGateway' },
    Ip: { Type: 'AWS::EC2::EIP' },
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Properties: {
        Engine: 'postgres',
        DBInstanceClass: 'db.t4g.micro',
        AllocatedStorage: 20,
      },
    },
    Secret: { Type: 'AWS::SecretsManager::Secret' },
    Role: { Type: 'AWS::IAM::Role' },
    Vm: { Type: 'AWS::Redshift::Cluster' },
  },
};
const noData = { natDataGbPerMonth: 0, secretsApiCallsPerMonth: 0 };

describe('estimateMonthlyCost', () => {
  it('gives one line per priced or free resource and lists the rest as unpriced', () => {
    const estimate = estimateMonthlyCost(small, {
      region: 'eu-west-2',
      usage: noData,
    });
    expect(
      estimate.lines.map(line => [line.logicalId, line.monthlyUsd]),
    ).toEqual([
      ['Nat', 36.5], // 0.05 × 730
      ['Ip', 3.65], // 0.005 × 730
      ['Db', 15.8], // 0.018 × 730 + 20 × 0.133
      ['Secret', 0.4],
      ['Role', 0],
    ]);
    expect(estimate.total).toBe(56.35);
    expect(estimate.totalUsd).toBe(56.35);
    expect(estimate.unpriced).toEqual([
      {
        logicalId: 'Vm',
        type: 'AWS::Redshift::Cluster',
        reason: 'AWS::Redshift::Cluster is not in the price table',
      },
    ]);
    expect(estimate.complete).toBe(false);
    expect(estimate.savings).toBeUndefined();
  });

  it('converts to GBP at the default 0.76 or a given rate, line by line', () => {
    const gbp = estimateMonthlyCost(small, {
      region: 'eu-west-2',
      currency: 'GBP',
      usage: noData,
    });
    expect(gbp.lines[0].monthly).toBe(27.74); // 36.50 × 0.76
    expect(gbp.total).toBeCloseTo(
      gbp.lines.reduce((sum, line) => sum + line.monthly, 0),
      10,
    );
    expect(gbp.assumptions).toContain('Converted at £0.76 per $1.');
    const custom = estimateMonthlyCost(small, {
      region: 'eu-west-2',
      currency: 'GBP',
      exchangeRate: 0.8,
      usage: noData,
    });
    expect(custom.lines[0].monthly).toBe(29.2);
  });

  it('reduces hourly items, not storage or per-month items, under a schedule and shows the saving', () => {
    const estimate = estimateMonthlyCost(small, {
      region: 'eu-west-2',
      usage: noData,
      schedule: { shutdown: '0 18 * * 1-5' },
    });
    const byId = Object.fromEntries(
      estimate.lines.map(line => [line.logicalId, line]),
    );
    expect(byId.Nat.monthlyUsd).toBe(10.88); // 0.05 × 217.5 = 10.875
    expect(byId.Nat.basis).toBe(
      '1 NAT gateway × 217.5 h × $0.05/h + 0 GB processed × $0.05/GB',
    );
    expect(byId.Db.monthlyUsd).toBe(6.58); // 0.018 × 217.5 + 20 × 0.133 (storage not reduced)
    expect(byId.Secret.monthlyUsd).toBe(0.4);
    // (0.05 + 0.005 + 0.018) × (730 − 217.5) = 37.4125
    expect(estimate.savings).toEqual({
      monthly: 37.41,
      hoursRunning: 217.5,
      hoursPerMonth: 730,
    });
    expect(
      estimate.assumptions.find(text => text.startsWith('Schedule')),
    ).toContain(
      'startup "0 8 * * 1-5" (assumed: weekdays 08:00 UTC): running 217.5 h of 730 h',
    );
  });

  it('estimates a YAML template with short forms, parameters, mappings and conditions', () => {
    const yaml = `
Parameters:
  Stage: { Type: String, Default: production }
Mappings:
  Size: { production: { Class: db.t4g.medium, MultiAz: "true" } }
Conditions:
  IsProd: !Equals [!Ref Stage, production]
  NotProd: !Not [!Condition IsProd]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: !FindInMap [Size, !Ref Stage, Class]
      MultiAZ: !FindInMap [Size, !Ref Stage, MultiAz]
      AllocatedStorage: !If [IsProd, 100, 20]
  Nat:
    Type: AWS::EC2::NatGateway
    Condition: IsProd
  Dev:
    Type: AWS::EC2::EIP
    Condition: NotProd
`;
    const estimate = estimateMonthlyCost(yaml, {
      region: 'us-east-1',
      usage: noData,
    });
    expect(
      estimate.lines.map(line => [line.logicalId, line.monthlyUsd]),
    ).toEqual([
      ['Db', 117.17], // 0.129 × 730 + 100 × 0.23
      ['Nat', 32.85], // 0.045 × 730
    ]);
    expect(estimate.assumptions).toContain(
      'Template: Dev is not created: condition NotProd is false.',
    );
  });

  it('states only the usage assumptions it used', () => {
    const estimate = estimateMonthlyCost(
      { Resources: { Nat: { Type: 'AWS::EC2::NatGateway' } } },
      { region: 'eu-west-1' },
    );
    const usage = estimate.assumptions.filter(text =>
      text.startsWith('Usage:'),
    );
    expect(usage).toEqual(['Usage: 1 GB a month through each NAT gateway.']);
  });

  it('accepts a region outside the bundled table and lists what it cannot price there, naming the region', () => {
    const estimate = estimateMonthlyCost(
      {
        Resources: {
          Nat: { Type: 'AWS::EC2::NatGateway' },
          Acl: { Type: 'AWS::WAFv2::WebACL', Properties: { Rules: [] } },
          Role: { Type: 'AWS::IAM::Role' },
        },
      },
      { region: 'ap-southeast-2', usage: { requestsPerMonth: 0 } },
    );
    expect(estimate.region).toBe('ap-southeast-2');
    expect(estimate.unpriced.map(item => item.reason)).toEqual([
      'no offline prices for ap-southeast-2 (NAT gateway hour); price it with the AWS Price List API (--pricing-api)',
      'no offline prices for ap-southeast-2 (NAT gateway data processed); price it with the AWS Price List API (--pricing-api)',
    ]);
    // WAF is priced the same in every region; IAM is free.
    expect(
      estimate.lines.map(line => [line.logicalId, line.monthlyUsd]),
    ).toEqual([
      ['Acl', 5],
      ['Role', 0],
    ]);
    expect(estimate.assumptions).toContain(
      'ap-southeast-2 is not in the bundled price table: its resources are unpriced unless Price List API prices are given (stageline-cost --pricing-api, or the backend with AWS credentials).',
    );
  });

  it.each([
    [
      { region: 'mars-1' },
      'Invalid region "mars-1": expected a commercial AWS region such as us-east-1 or eu-west-2',
    ],
    [
      { region: 'eu-west-2', currency: 'EUR' },
      'Invalid currency "EUR": expected USD or GBP',
    ],
    [
      { region: 'eu-west-2', currency: 'GBP', exchangeRate: 0 },
      'Invalid exchangeRate 0',
    ],
    [
      { region: 'eu-west-2', usage: { requests: 5 } },
      'Unknown usage assumption usage.requests',
    ],
    [
      { region: 'eu-west-2', usage: { natDataGbPerMonth: -1 } },
      'Invalid usage.natDataGbPerMonth -1',
    ],
    [
      { region: 'eu-west-2', schedule: { shutdown: 'nightly' } },
      'Invalid schedule.shutdown "nightly"',
    ],
  ])('%j fails naming the option', (options, message) => {
    expect(() => estimateMonthlyCost(small, options as any)).toThrow(message);
  });
});
