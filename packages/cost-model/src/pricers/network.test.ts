import { estimateSubject } from '../__testUtils__/estimateSubject';

describe('NAT gateway', () => {
  it('is 0.05 × 730 = 36.50 USD a month in eu-west-2 before data', () => {
    const { line } = estimateSubject(
      'AWS::EC2::NatGateway',
      {},
      { usage: { natDataGbPerMonth: 0 } },
    );
    expect(line!.monthlyUsd).toBe(36.5);
    expect(line!.basis).toMatch(/^1 NAT gateway × 730 h × \$0\.05\/h/);
  });

  it('adds the assumed data: 1 GB × $0.05 by default, $0.045 an hour in us-east-1', () => {
    expect(estimateSubject('AWS::EC2::NatGateway').line!.monthlyUsd).toBe(
      36.55,
    );
    expect(
      estimateSubject('AWS::EC2::NatGateway', {}, { region: 'us-east-1' }).line!
        .monthlyUsd,
    ).toBe(32.9);
  });
});

describe('public IPv4 and endpoints', () => {
  it('prices an Elastic IP at 0.005 × 730 = 3.65', () => {
    expect(estimateSubject('AWS::EC2::EIP').line!.monthlyUsd).toBe(3.65);
  });

  it('prices an interface endpoint per subnet and is free as a gateway', () => {
    const { line } = estimateSubject('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      SubnetIds: [{ Ref: 'A' }, { Ref: 'B' }],
    });
    // 2 × 0.011 × 730 + 1 GB × 0.01
    expect(line!.monthlyUsd).toBe(16.07);
    expect(estimateSubject('AWS::EC2::VPCEndpoint', {}).line).toMatchObject({
      monthly: 0,
      basis: 'no charge (gateway endpoint)',
    });
  });
});

describe('Application Load Balancer', () => {
  it('prices hours and LCUs when internal', () => {
    const { line } = estimateSubject(
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      { Scheme: 'internal' },
    );
    // 0.02646 × 730 + 0.5 × 0.0084 × 730 = 22.3818
    expect(line!.monthlyUsd).toBe(22.38);
  });

  it('adds a public IPv4 per subnet when internet-facing', () => {
    const { line } = estimateSubject(
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      {
        Subnets: ['subnet-1', 'subnet-2'],
      },
    );
    expect(line!.monthlyUsd).toBe(29.68);
  });

  it('prices a network load balancer (hours, NLCUs, IPv4 per subnet) and a gateway one', () => {
    // [K] lb_test: NLB $16.43 / 730 h, NLCU $4.38 a month
    const nlb = estimateSubject(
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      { Type: 'network', Scheme: 'internal' },
      { region: 'us-east-1', usage: { nlbNlcuPerHour: 1 } },
    );
    expect(nlb.line!.monthlyUsd).toBe(20.81); // 0.0225 × 730 + 1 × 0.006 × 730
    expect(nlb.line!.basis).toBe(
      '1 Network Load Balancer × 730 h × $0.0225/h + 1 NLCU × 730 h × $0.006/NLCU-h',
    );
    const gateway = estimateSubject(
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      { Type: 'gateway' },
    );
    // [Q] elb (eu-west-2): 0.0147 × 730 + 0.5 GLCU × 0.004 × 730; no public IPv4
    expect(gateway.line!.monthlyUsd).toBe(12.19);
    expect(gateway.line!.basis).toBe(
      '1 Gateway Load Balancer × 730 h × $0.0147/h + 0.5 GLCU × 730 h × $0.004/GLCU-h',
    );
    // Outside the bundled regions only the Price List API prices it (priceListApi.test.ts).
    const sydney = estimateSubject(
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      { Type: 'gateway' },
      { region: 'ap-southeast-2' },
    );
    expect(sydney.unpriced.map(item => item.reason)).toEqual([
      'no offline prices for ap-southeast-2 (Gateway Load Balancer hour); price it with the AWS Price List API (--pricing-api)',
      'no offline prices for ap-southeast-2 (Gateway Load Balancer GLCU); price it with the AWS Price List API (--pricing-api)',
    ]);
  });
});

describe('CloudFront and WAF', () => {
  it("prices data out and HTTPS requests at the viewers' rates", () => {
    const { line } = estimateSubject(
      'AWS::CloudFront::Distribution',
      {},
      {
        usage: { requestsPerMonth: 1_000_000, averageResponseKb: 10 },
      },
    );
    // 10M KB = 9.5367 GB × 0.085 + 100 × 0.012 (Europe) = 2.0106
    expect(line!.monthlyUsd).toBe(2.01);
    const america = estimateSubject(
      'AWS::CloudFront::Distribution',
      {},
      {
        usage: {
          requestsPerMonth: 1_000_000,
          cloudFrontViewerRegion: 'north-america',
        },
      },
    );
    expect(america.line!.monthlyUsd).toBe(1.81);
  });

  it('prices a web ACL, its rules and requests', () => {
    const { line } = estimateSubject(
      'AWS::WAFv2::WebACL',
      { Rules: [{ Name: 'a' }, { Name: 'b' }] },
      {
        usage: { requestsPerMonth: 1_000_000 },
      },
    );
    expect(line!.monthlyUsd).toBe(7.6);
  });

  it('lists a paid managed rule group as unpriced, keeping the rest', () => {
    const { line, unpriced } = estimateSubject('AWS::WAFv2::WebACL', {
      Rules: [
        {
          Name: 'bots',
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesBotControlRuleSet',
            },
          },
        },
      ],
    });
    expect(line!.monthlyUsd).toBe(6.06);
    expect(unpriced[0].reason).toBe(
      'the subscription fee of AWSManagedRulesBotControlRuleSet is not in the price table',
    );
  });
});
