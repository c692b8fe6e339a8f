import { CliIo, runCli } from './main';
import { UsageError, parseArgs } from './parseArgs';

const template = JSON.stringify({
  Resources: {
    Nat: { Type: 'AWS::EC2::NatGateway' },
    Role: { Type: 'AWS::IAM::Role' },
    Vm: { Type: 'AWS::Redshift::Cluster' },
  },
});

function fakeIo(
  files: Record<string, string> = { '/work/t.json': template },
  env: Record<string, string> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    cwd: '/work',
    readFile: path => {
      if (!(path in files))
        throw new Error(`ENOENT: no such file, open '${path}'`);
      return files[path];
    },
    stdout: text => out.push(text),
    stderr: text => err.push(text),
    env,
  };
  return { io, out, err };
}

describe('parseArgs', () => {
  it('reads the template, flags in both forms and defaults', () => {
    expect(
      parseArgs([
        't.yaml',
        '--region',
        'eu-west-2',
        '--currency=gbp',
        '--schedule',
        '0 18 * * 1-5',
        '--json',
      ]),
    ).toEqual({
      help: false,
      json: true,
      templatePath: 't.yaml',
      region: 'eu-west-2',
      currency: 'GBP',
      exchangeRate: undefined,
      schedule: { shutdown: '0 18 * * 1-5', startup: undefined },
      budget: undefined,
      parameters: undefined,
      pricingApi: false,
    });
    expect(
      parseArgs([
        't.json',
        '--region=us-east-1',
        '--rate',
        '0.8',
        '--budget',
        '10',
      ]),
    ).toMatchObject({
      currency: 'USD',
      exchangeRate: 0.8,
      budget: 10,
      json: false,
    });
  });

  it.each([
    [['--region', 'eu-west-2'], '<template>', 'Missing <template>'],
    [
      ['a', 'b', '--region', 'eu-west-2'],
      '<template>',
      'Expected one <template>, got a b',
    ],
    [
      ['t.json', '--region', 'mars'],
      '--region',
      'Invalid --region "mars": expected a commercial AWS region such as us-east-1 or eu-west-2',
    ],
    [
      ['t.json', '--region', 'eu-west-2', '--currency', 'EUR'],
      '--currency',
      'Invalid --currency "EUR"',
    ],
    [
      ['t.json', '--region', 'eu-west-2', '--shedule', 'x'],
      '--shedule',
      'Unknown flag --shedule',
    ],
    [['t.json', '--region'], '--region', '--region needs a value'],
    [['t.json', '--region', '--json'], '--region', '--region needs a value'],
    [
      ['t.json', '--region', 'eu-west-2', '--schedule', '0 99 * * *'],
      '--schedule',
      'Invalid --schedule',
    ],
    [
      [
        't.json',
        '--region',
        'eu-west-2',
        '--schedule',
        '0 18 * * *',
        '--startup',
        'x',
      ],
      '--startup',
      'Invalid --startup',
    ],
    [
      ['t.json', '--region', 'eu-west-2', '--startup', '0 8 * * *'],
      '--startup',
      '--startup needs --schedule',
    ],
    [
      ['t.json', '--region', 'eu-west-2', '--rate', 'abc'],
      '--rate',
      'Invalid --rate "abc"',
    ],
    [
      ['t.json', '--region', 'eu-west-2', '--budget', '-1'],
      '--budget',
      'Invalid --budget "-1"',
    ],
  ])('%j fails naming %s', (argv, flag, message) => {
    let error: unknown;
    try {
      parseArgs(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).flag).toBe(flag);
    expect((error as UsageError).message).toContain(message);
  });
});

describe('runCli', () => {
  it('prints a readable table with the total, free resources, unpriced and assumptions', async () => {
    const { io, out } = fakeIo();
    expect(
      await runCli(
        ['t.json', '--region', 'eu-west-2', '--currency', 'GBP'],
        io,
      ),
    ).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(
      'Monthly cost estimate, eu-west-2, GBP at £0.76 per $',
    );
    expect(text).toMatch(
      /Nat\s+AWS::EC2::NatGateway\s+£27\.78\s+1 NAT gateway × 730 h × \$0\.05\/h/,
    );
    expect(text).toMatch(/Total\s+\(lower bound: see "Not priced"\)\s+£27\.78/);
    expect(text).toContain('No charge (1): AWS::IAM::Role ×1');
    expect(text).toContain(
      'Vm (AWS::Redshift::Cluster): AWS::Redshift::Cluster is not in the price table',
    );
    expect(text).toContain('Assumptions:');
  });

  it('keeps a 0 line that rests on a free-tier assumption in the table, with its basis', async () => {
    const { io, out } = fakeIo({
      '/work/topic.json': JSON.stringify({
        Resources: {
          Alarms: { Type: 'AWS::SNS::Topic' },
          Policy: { Type: 'AWS::SNS::TopicPolicy' },
        },
      }),
    });
    expect(await runCli(['topic.json', '--region', 'eu-west-2'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(
      /Alarms\s+AWS::SNS::Topic\s+\$0\.00\s+within the free tier of 1M requests\/month \(assumed;/,
    );
    expect(text).toContain('No charge (1): AWS::SNS::TopicPolicy ×1');
    expect(text).toContain(
      'Alarms: SNS requests assumed within the always-free 1M',
    );
  });

  it('prints the estimate object with --json, and the budget check with --budget', async () => {
    const { io, out } = fakeIo();
    expect(
      await runCli(
        [
          't.json',
          '--region',
          'eu-west-2',
          '--json',
          '--budget',
          '30',
          '--schedule',
          '0 18 * * 1-5',
        ],
        io,
      ),
    ).toBe(0);
    const estimate = JSON.parse(out[0]);
    expect(estimate).toMatchObject({
      currency: 'USD',
      total: 10.93, // 0.05 × 217.5 + 1 GB × 0.05
      unpriced: [{ logicalId: 'Vm' }],
      savings: { hoursRunning: 217.5, hoursPerMonth: 730 },
      budget: { status: 'within', budget: 30 },
    });
    expect(estimate.lines).toHaveLength(2);
  });

  it('exits 2 with the usage naming the bad flag', async () => {
    const { io, out, err } = fakeIo();
    expect(
      await runCli(['t.json', '--region', 'eu-west-2', '--colour'], io),
    ).toBe(2);
    expect(err[0]).toMatch(
      /^stageline-cost: Unknown flag --colour\n\nUsage: stageline-cost <template>/,
    );
    expect(out).toEqual([]);
  });

  it('exits 1 when the template cannot be read or parsed', async () => {
    const missing = fakeIo();
    expect(
      await runCli(['nope.json', '--region', 'eu-west-2'], missing.io),
    ).toBe(1);
    expect(missing.err[0]).toContain(
      "ENOENT: no such file, open '/work/nope.json'",
    );
    const broken = fakeIo({ '/work/t.yaml': 'Description: x' });
    expect(await runCli(['t.yaml', '--region', 'eu-west-2'], broken.io)).toBe(
      1,
    );
    expect(broken.err[0]).toBe(
      'stageline-cost: Not a CloudFormation template: it has no Resources section',
    );
  });

  it('prints the usage with --help', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out[0]).toContain('Usage: stageline-cost');
  });
});

describe('runCli region and parameters', () => {
  const database = JSON.stringify({
    Parameters: {
      Class: { Type: 'String', Default: 'db.t4g.micro' },
      Engine: { Type: 'String', Default: 'postgres' },
    },
    Resources: {
      Db: {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          Engine: { Ref: 'Engine' },
          DBInstanceClass: { Ref: 'Class' },
          AllocatedStorage: 20,
          KmsKeyId: 'arn:aws:kms:eu-west-2:123456789012:key/abc',
        },
      },
    },
  });
  const files = {
    '/work/db.json': database,
    '/work/params.json': JSON.stringify([
      { ParameterKey: 'Class', ParameterValue: 'db.t3.large' },
      { ParameterKey: 'Engine', ParameterValue: 'mysql' },
    ]),
  };

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION, then the template ARNs, and says so', async () => {
    const fromEnv = fakeIo(files, {
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
    expect(await runCli(['db.json', '--json'], fromEnv.io)).toBe(0);
    expect(JSON.parse(fromEnv.out[0]).region).toBe('us-east-1');
    expect(fromEnv.err).toEqual([
      'stageline-cost: region us-east-1 (from AWS_REGION)',
    ]);
    const fromDefault = fakeIo(files, { AWS_DEFAULT_REGION: 'eu-west-1' });
    expect(await runCli(['db.json', '--json'], fromDefault.io)).toBe(0);
    expect(JSON.parse(fromDefault.out[0]).region).toBe('eu-west-1');
    const fromTemplate = fakeIo(files);
    expect(await runCli(['db.json', '--json'], fromTemplate.io)).toBe(0);
    // db.t4g.micro 0.018 × 730 + 20 GB × 0.133 in eu-west-2
    expect(JSON.parse(fromTemplate.out[0])).toMatchObject({
      region: 'eu-west-2',
      totalUsd: 15.8,
    });
    expect(fromTemplate.err).toEqual([
      "stageline-cost: region eu-west-2 (from the template's ARNs and endpoints)",
    ]);
  });

  it('exits 2 naming --region when no region is known', async () => {
    const { io, err } = fakeIo();
    expect(await runCli(['t.json'], io)).toBe(2);
    expect(err[0]).toContain(
      'Missing --region: no AWS_REGION or AWS_DEFAULT_REGION is set and the template names no single region',
    );
  });

  it('takes --parameters as Key=Value pairs or a CloudFormation parameters file', async () => {
    const pairs = fakeIo(files);
    expect(
      await runCli(
        [
          'db.json',
          '--region',
          'us-east-1',
          '--json',
          '--parameters',
          'Class=db.t3.large,Engine=mysql',
        ],
        pairs.io,
      ),
    ).toBe(0);
    // [K] MySQL db.t3.large $99.28 + 20 GB gp2 × $0.115
    expect(JSON.parse(pairs.out[0]).totalUsd).toBe(101.58);
    const file = fakeIo(files);
    expect(
      await runCli(
        [
          'db.json',
          '--region',
          'us-east-1',
          '--json',
          '--parameters',
          'params.json',
        ],
        file.io,
      ),
    ).toBe(0);
    expect(JSON.parse(file.out[0]).totalUsd).toBe(101.58);
    const bad = fakeIo(files);
    expect(
      await runCli(
        ['db.json', '--region', 'us-east-1', '--parameters', 'Class'],
        bad.io,
      ),
    ).toBe(2);
    expect(bad.err[0]).toContain(
      'Invalid --parameters "Class": expected Key=Value',
    );
  });

  it('exits 0 and lists resources of a region without offline prices as unpriced', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['t.json', '--region', 'sa-east-1'], io)).toBe(0);
    expect(out.join('\n')).toContain(
      'Nat (AWS::EC2::NatGateway): no offline prices for sa-east-1 (NAT gateway hour); price it with the AWS Price List API (--pricing-api)',
    );
  });
});
