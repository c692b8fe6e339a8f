import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Props of {@link WebFirewall}.
 *
 * @public
 */
export interface WebFirewallProps {
  /** ARN of the regional resource to protect (the Application Load Balancer). */
  readonly resourceArn: string;
  /**
   * Prefix of the web ACL's CloudWatch metric name (`{metricPrefix}WebAcl`), e.g. the stack
   * name. Rule metrics are named after their rules: CloudWatch tells them apart by the web ACL.
   */
  readonly metricPrefix: string;
  /**
   * Requests per 5 minutes from one IP address before it is blocked.
   * @defaultValue 2000
   */
  readonly rateLimit?: number;
}

const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
];

/**
 * A regional WAF web ACL on the load balancer: three AWS managed rule groups and a per-IP rate
 * limit (4 rules). Regional rather than CloudFront-scoped, because a CloudFront web ACL must
 * live in us-east-1 and the stack may be elsewhere.
 *
 * @public
 */
export class WebFirewall extends Construct {
  /** The web ACL. */
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: WebFirewallProps) {
    super(scope, id);
    const visibility = (
      metricName: string,
    ): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const managedRules: wafv2.CfnWebACL.RuleProperty[] =
      MANAGED_RULE_GROUPS.map((name, index) => ({
        name,
        priority: index,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        visibilityConfig: visibility(name),
      }));
    const rateRule: wafv2.CfnWebACL.RuleProperty = {
      name: 'RateLimitPerIp',
      priority: MANAGED_RULE_GROUPS.length,
      action: { block: {} },
      statement: {
        rateBasedStatement: {
          limit: props.rateLimit ?? 2000,
          aggregateKeyType: 'IP',
        },
      },
      visibilityConfig: visibility('RateLimitPerIp'),
    };
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${props.metricPrefix}WebAcl`),
      rules: [...managedRules, rateRule],
    });
    // eslint-disable-next-line no-new -- registers itself with this construct
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.resourceArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
