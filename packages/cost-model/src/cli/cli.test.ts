import { CliIo, runCli } from './main';
import { UsageError, parseArgs } from './parseArgs';

const template = JSON.stringify({
  Resources: {
    Nat: { Type: 'AWS::EC2::NatGateway' },
    Role: { Type: 'AWS::IAM::Role' },
    Vm: { Type: 'AWS::EC2::Instance' },
  },
});

function fakeIo(files: Record<string, string> = { '/work/t.json': template }) {
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
    [['t.json'], '--region', 'Missing --region'],
    [['--region', 'eu-west-2'], '<template>', 'Missing <template>'],
    [
      ['a', 'b', '--region', 'eu-west-2'],
      '<template>',
      'Expected one <template>, got a b',
    ],
    [
      ['t.json', '--region', 'mars'],
      '--region',
      'Invalid --region "mars": expected one of us-east-1, eu-west-1, eu-west-2',
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
  it('prints a readable table with the total, free resources, unpriced and assumptions', () => {
    const { io, out } = fakeIo();
    expect(
      runCli(['t.json', '--region', 'eu-west-2', '--currency', 'GBP'], io),
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
      'Vm (AWS::EC2::Instance): AWS::EC2::Instance is not in the price table',
    );
    expect(text).toContain('Assumptions:');
  });

  it('keeps a 0 line that rests on a free-tier assumption in the table, with its basis', () => {
    const { io, out } = fakeIo({
      '/work/topic.json': JSON.stringify({
        Resources: {
          Alarms: { Type: 'AWS::SNS::Topic' },
          Policy: { Type: 'AWS::SNS::TopicPolicy' },
        },
      }),
    });
    expect(runCli(['topic.json', '--region', 'eu-west-2'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(
      /Alarms\s+AWS::SNS::Topic\s+\$0\.00\s+within the free tier of 1M requests\/month \(assumed;/,
    );
    expect(text).toContain('No charge (1): AWS::SNS::TopicPolicy ×1');
    expect(text).toContain(
      'Alarms: SNS requests assumed within the always-free 1M',
    );
  });

  it('prints the estimate object with --json, and the budget check with --budget', () => {
    const { io, out } = fakeIo();
    expect(
      runCli(
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

  it('exits 2 with the usage naming the bad flag', () => {
    const { io, out, err } = fakeIo();
    expect(runCli(['t.json', '--region', 'eu-west-2', '--colour'], io)).toBe(2);
    expect(err[0]).toMatch(
      /^stageline-cost: Unknown flag --colour\n\nUsage: stageline-cost <template>/,
    );
    expect(out).toEqual([]);
  });

  it('exits 1 when the template cannot be read or parsed', () => {
    const missing = fakeIo();
    expect(runCli(['nope.json', '--region', 'eu-west-2'], missing.io)).toBe(1);
    expect(missing.err[0]).toContain(
      "ENOENT: no such file, open '/work/nope.json'",
    );
    const broken = fakeIo({ '/work/t.yaml': 'Description: x' });
    expect(runCli(['t.yaml', '--region', 'eu-west-2'], broken.io)).toBe(1);
    expect(broken.err[0]).toBe(
      'stageline-cost: Not a CloudFormation template: it has no Resources section',
    );
  });

  it('prints the usage with --help', () => {
    const { io, out } = fakeIo();
    expect(runCli(['--help'], io)).toBe(0);
    expect(out[0]).toContain('Usage: stageline-cost');
  });
});
