import { estimateSubject } from '../__testUtils__/estimateSubject';

describe('Lambda', () => {
  it('prices requests and GB-seconds: 100k × 0.2 s × 0.5 GB arm64', () => {
    const { line } = estimateSubject('AWS::Lambda::Function', {
      MemorySize: 512,
      Architectures: ['arm64'],
    });
    // 0.1 × $0.20 + 10,000 GB-s × $0.0000133334
    expect(line!.monthlyUsd).toBe(0.15);
    expect(line!.components.map(c => c.quantity)).toEqual([0.1, 10_000]);
    expect(line!.basis).toContain(
      '10,000 GB-s (100,000 × 200 ms × 512 MB, arm64) × $0.0000133334/GB-s',
    );
  });

  it('defaults to 128 MB x86 and follows the usage assumptions', () => {
    const { line } = estimateSubject(
      'AWS::Lambda::Function',
      {},
      {
        usage: { requestsPerMonth: 2_000_000, lambdaAverageDurationMs: 1000 },
      },
    );
    // 2 × $0.20 + 2M × 1 s × 0.125 GB = 250,000 GB-s × $0.0000166667
    expect(line!.monthlyUsd).toBe(4.57);
  });

  it('assumes a custom resource handler runs only during deployments', () => {
    const { line } = estimateSubject(
      'AWS::Lambda::Function',
      {},
      {},
      {
        Custom: {
          Type: 'Custom::Thing',
          Properties: { ServiceToken: { 'Fn::GetAtt': ['Subject', 'Arn'] } },
        },
      },
    );
    expect(line).toMatchObject({
      monthly: 0,
      basis: expect.stringContaining('custom resource'),
    });
  });
});

describe('API Gateway', () => {
  it('prices HTTP API requests: 0.1M × $1.16 in eu-west-2', () => {
    expect(
      estimateSubject('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' }).line!
        .monthlyUsd,
    ).toBe(0.12);
  });

  it('prices REST API requests: 0.1M × $3.50', () => {
    expect(estimateSubject('AWS::ApiGateway::RestApi').line!.monthlyUsd).toBe(
      0.35,
    );
  });

  it('lists a WebSocket API as unpriced', () => {
    const { line, unpriced } = estimateSubject('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'WEBSOCKET',
    });
    expect(line).toBeUndefined();
    expect(unpriced[0].reason).toBe(
      'WEBSOCKET API prices are not in the price table',
    );
  });
});

describe('ECS Fargate services', () => {
  const taskDefinition = (properties: Record<string, unknown>) => ({
    Task: { Type: 'AWS::ECS::TaskDefinition', Properties: properties },
  });

  it('prices desired count × task vCPU and memory: 3 × (1 vCPU, 2 GB) x86 in eu-west-2', () => {
    const { line } = estimateSubject(
      'AWS::ECS::Service',
      {
        LaunchType: 'FARGATE',
        DesiredCount: 3,
        TaskDefinition: { Ref: 'Task' },
      },
      {},
      taskDefinition({ Cpu: '1024', Memory: '2048' }),
    );
    // 3 × (0.04656 + 2 × 0.00511) × 730 = 124.3482
    expect(line!.monthlyUsd).toBe(124.35);
    expect(line!.basis).toBe(
      '3 vCPU (3 tasks × 1 vCPU, X86_64) × 730 h × $0.04656/vCPU-h + 6 GB memory (3 tasks × 2 GB) × 730 h × $0.00511/GB-h',
    );
  });

  it('uses ARM rates, "1 vCPU"/"2 GB" sizes and ephemeral storage over 20 GB', () => {
    const { line } = estimateSubject(
      'AWS::ECS::Service',
      {
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE' }],
        DesiredCount: 1,
        TaskDefinition: { Ref: 'Task' },
      },
      { region: 'us-east-1' },
      taskDefinition({
        Cpu: '0.5 vCPU',
        Memory: '1 GB',
        RuntimePlatform: { CpuArchitecture: 'ARM64' },
        EphemeralStorage: { SizeInGiB: 50 },
      }),
    );
    // (0.5 × 0.03238 + 1 × 0.00356 + 30 × 0.000111) × 730 = 0.02308 × 730 = 16.8484
    expect(line!.monthlyUsd).toBe(16.85);
  });

  it('assumes one task without DesiredCount and says so', () => {
    const { line, estimate } = estimateSubject(
      'AWS::ECS::Service',
      { LaunchType: 'FARGATE', TaskDefinition: { Ref: 'Task' } },
      {},
      taskDefinition({ Cpu: 256, Memory: 512 }),
    );
    // (0.25 × 0.04656 + 0.5 × 0.00511) × 730 = 10.3624
    expect(line!.monthlyUsd).toBe(10.36);
    expect(estimate.assumptions).toContain(
      'Subject: DesiredCount not set: 1 task assumed.',
    );
  });

  it('lists Spot, Windows and unknown task definitions as unpriced', () => {
    const spot = estimateSubject('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT' }],
    });
    expect(spot.unpriced[0].reason).toBe(
      'Fargate Spot prices are not in the price table',
    );
    const windows = estimateSubject(
      'AWS::ECS::Service',
      { LaunchType: 'FARGATE', TaskDefinition: { Ref: 'Task' } },
      {},
      taskDefinition({
        Cpu: 1024,
        Memory: 2048,
        RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
      }),
    );
    expect(windows.unpriced[0].reason).toContain('WINDOWS_SERVER_2022_CORE');
    const imported = estimateSubject('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      TaskDefinition: 'arn:aws:ecs:task',
    });
    expect(imported.unpriced[0].reason).toBe(
      'TaskDefinition is not a resource of this template',
    );
  });

  it('charges nothing for a service on EC2 capacity', () => {
    expect(
      estimateSubject('AWS::ECS::Service', { LaunchType: 'EC2' }).line!.monthly,
    ).toBe(0);
  });
});
