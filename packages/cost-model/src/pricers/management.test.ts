import { estimateSubject } from '../__testUtils__/estimateSubject';

describe('CloudWatch', () => {
  it('prices an alarm per metric, high resolution unpriced', () => {
    expect(
      estimateSubject('AWS::CloudWatch::Alarm', { Period: 300 }).line!
        .monthlyUsd,
    ).toBe(0.1);
    const math = estimateSubject('AWS::CloudWatch::Alarm', {
      Metrics: [
        { Id: 'e', Expression: 'a+b' },
        { Id: 'a', MetricStat: { Period: 60 } },
        { Id: 'b', MetricStat: { Period: 60 } },
      ],
    });
    expect(math.line!.monthlyUsd).toBe(0.2);
    expect(
      estimateSubject('AWS::CloudWatch::Alarm', { Period: 10 }).unpriced[0]
        .reason,
    ).toBe('high-resolution alarm prices are not in the price table');
  });

  it('prices a dashboard at $3', () => {
    expect(estimateSubject('AWS::CloudWatch::Dashboard').line!.monthlyUsd).toBe(
      3,
    );
  });

  it('prices log ingestion and the logs held for the retention', () => {
    const week = estimateSubject('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    // 0.5 × 0.5985 + 0.5 × (7 ÷ 30.4167) × 0.0315 = 0.2993 + 0.0036
    expect(week.line!.monthlyUsd).toBe(0.3);
    const never = estimateSubject(
      'AWS::Logs::LogGroup',
      {},
      { usage: { logIngestGbPerMonth: 10 } },
    );
    // 10 × 0.5985 + 10 × 12 × 0.0315
    expect(never.line!.monthlyUsd).toBe(9.77);
  });
});

describe('secrets and parameters', () => {
  it('prices a secret and its assumed API calls: 0.40 + 0.05', () => {
    expect(
      estimateSubject('AWS::SecretsManager::Secret').line!.monthlyUsd,
    ).toBe(0.45);
  });

  it('charges nothing for a standard parameter and $0.05 for an advanced one', () => {
    expect(
      estimateSubject('AWS::SSM::Parameter', { Type: 'String' }).line,
    ).toMatchObject({
      monthly: 0,
      basis: 'no charge (standard parameter)',
    });
    expect(
      estimateSubject('AWS::SSM::Parameter', { Tier: 'Advanced' }).line!
        .monthlyUsd,
    ).toBe(0.05);
  });

  it('prices a hosted zone at $0.50', () => {
    expect(estimateSubject('AWS::Route53::HostedZone').line!.monthlyUsd).toBe(
      0.5,
    );
  });
});

describe('free and unknown resources', () => {
  it.each([
    'AWS::IAM::Role',
    'AWS::IAM::ManagedPolicy',
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::Subnet',
  ])('%s is a line at 0 with basis "no charge"', type => {
    expect(estimateSubject(type).line).toMatchObject({
      monthly: 0,
      basis: 'no charge',
      components: [],
    });
  });

  it.each([
    ['AWS::SNS::Topic', 'SNS'],
    ['AWS::SQS::Queue', 'SQS'],
  ])(
    '%s is 0 on the stated assumption that its requests stay within the free tier',
    (type, service) => {
      const { line, unpriced, estimate } = estimateSubject(type);
      expect(line).toMatchObject({
        monthly: 0,
        basis: `within the free tier of 1M requests/month (assumed; ${service} request prices are not in the price table)`,
        components: [],
      });
      expect(unpriced).toEqual([]);
      expect(estimate.assumptions).toContain(
        `Subject: ${service} requests assumed within the always-free 1M a month (unlike other free allowances this one is counted, because ${service} request prices are not in the price table); requests beyond it are billed and not estimated.`,
      );
    },
  );

  it('lists a type outside the price table as unpriced, never as 0', () => {
    const { line, unpriced } = estimateSubject('AWS::Redshift::Cluster', {
      InstanceType: 't3.micro',
    });
    expect(line).toBeUndefined();
    expect(unpriced).toEqual([
      {
        logicalId: 'Subject',
        type: 'AWS::Redshift::Cluster',
        reason: 'AWS::Redshift::Cluster is not in the price table',
      },
    ]);
  });
});
