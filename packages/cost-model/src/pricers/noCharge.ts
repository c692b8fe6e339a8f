import { noCharge } from './LineBuilder';
import { Pricer } from './types';

const NO_CHARGE = 'no charge';
const BILLED_ELSEWHERE = 'no charge (billed through the resources that use it)';

/** Types that cost nothing by themselves, with the basis shown on their line. */
const FREE_TYPES: Record<string, string> = {
  'AWS::CDK::Metadata': NO_CHARGE,
  'AWS::CloudFormation::WaitCondition': NO_CHARGE,
  'AWS::CloudFormation::WaitConditionHandle': NO_CHARGE,
  'AWS::EC2::VPC': NO_CHARGE,
  'AWS::EC2::VPCCidrBlock': NO_CHARGE,
  'AWS::EC2::Subnet': NO_CHARGE,
  'AWS::EC2::RouteTable': NO_CHARGE,
  'AWS::EC2::Route': NO_CHARGE,
  'AWS::EC2::SubnetRouteTableAssociation': NO_CHARGE,
  'AWS::EC2::InternetGateway': NO_CHARGE,
  'AWS::EC2::EgressOnlyInternetGateway': NO_CHARGE,
  'AWS::EC2::VPCGatewayAttachment': NO_CHARGE,
  'AWS::EC2::NetworkAcl': NO_CHARGE,
  'AWS::EC2::NetworkAclEntry': NO_CHARGE,
  'AWS::EC2::SubnetNetworkAclAssociation': NO_CHARGE,
  'AWS::EC2::DHCPOptions': NO_CHARGE,
  'AWS::EC2::VPCDHCPOptionsAssociation': NO_CHARGE,
  'AWS::EC2::SecurityGroup': NO_CHARGE,
  'AWS::EC2::SecurityGroupIngress': NO_CHARGE,
  'AWS::EC2::SecurityGroupEgress': NO_CHARGE,
  'AWS::EC2::EIPAssociation': NO_CHARGE,
  'AWS::EC2::LaunchTemplate': BILLED_ELSEWHERE,
  'AWS::Lambda::Permission': NO_CHARGE,
  'AWS::Lambda::Version': NO_CHARGE,
  'AWS::Lambda::Alias': NO_CHARGE,
  'AWS::Lambda::Url': NO_CHARGE,
  'AWS::Lambda::EventInvokeConfig': NO_CHARGE,
  'AWS::Lambda::EventSourceMapping': BILLED_ELSEWHERE,
  'AWS::ApiGatewayV2::Stage': BILLED_ELSEWHERE,
  'AWS::ApiGatewayV2::Route': BILLED_ELSEWHERE,
  'AWS::ApiGatewayV2::Integration': BILLED_ELSEWHERE,
  'AWS::ApiGatewayV2::Deployment': NO_CHARGE,
  'AWS::ApiGatewayV2::Authorizer': BILLED_ELSEWHERE,
  'AWS::ApiGatewayV2::ApiMapping': NO_CHARGE,
  'AWS::ApiGateway::Account': NO_CHARGE,
  'AWS::ApiGateway::Deployment': NO_CHARGE,
  'AWS::ApiGateway::Stage': BILLED_ELSEWHERE,
  'AWS::ApiGateway::Resource': BILLED_ELSEWHERE,
  'AWS::ApiGateway::Method': BILLED_ELSEWHERE,
  'AWS::ApiGateway::Authorizer': BILLED_ELSEWHERE,
  'AWS::ApiGateway::Model': NO_CHARGE,
  'AWS::ApiGateway::RequestValidator': NO_CHARGE,
  'AWS::ApiGateway::GatewayResponse': NO_CHARGE,
  'AWS::ApiGateway::BasePathMapping': NO_CHARGE,
  'AWS::ApiGateway::UsagePlan': NO_CHARGE,
  'AWS::ApiGateway::UsagePlanKey': NO_CHARGE,
  'AWS::ApiGateway::ApiKey': NO_CHARGE,
  'AWS::ECS::TaskDefinition': BILLED_ELSEWHERE,
  'AWS::ECS::ClusterCapacityProviderAssociations': NO_CHARGE,
  'AWS::ElasticLoadBalancingV2::Listener': BILLED_ELSEWHERE,
  'AWS::ElasticLoadBalancingV2::ListenerRule': BILLED_ELSEWHERE,
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': NO_CHARGE,
  'AWS::ElasticLoadBalancingV2::TargetGroup': BILLED_ELSEWHERE,
  'AWS::ApplicationAutoScaling::ScalableTarget': NO_CHARGE,
  'AWS::ApplicationAutoScaling::ScalingPolicy': NO_CHARGE,
  'AWS::RDS::DBSubnetGroup': NO_CHARGE,
  'AWS::RDS::DBParameterGroup': NO_CHARGE,
  'AWS::RDS::DBClusterParameterGroup': NO_CHARGE,
  'AWS::RDS::OptionGroup': NO_CHARGE,
  'AWS::ElastiCache::SubnetGroup': NO_CHARGE,
  'AWS::ElastiCache::ParameterGroup': NO_CHARGE,
  'AWS::ElastiCache::User': NO_CHARGE,
  'AWS::ElastiCache::UserGroup': NO_CHARGE,
  'AWS::SecretsManager::SecretTargetAttachment': NO_CHARGE,
  'AWS::SecretsManager::ResourcePolicy': NO_CHARGE,
  'AWS::SecretsManager::RotationSchedule': BILLED_ELSEWHERE,
  'AWS::CloudFront::CachePolicy': NO_CHARGE,
  'AWS::CloudFront::OriginRequestPolicy': NO_CHARGE,
  'AWS::CloudFront::ResponseHeadersPolicy': NO_CHARGE,
  'AWS::CloudFront::OriginAccessControl': NO_CHARGE,
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': NO_CHARGE,
  'AWS::WAFv2::WebACLAssociation': NO_CHARGE,
  'AWS::WAFv2::IPSet': NO_CHARGE,
  'AWS::WAFv2::RegexPatternSet': NO_CHARGE,
  'AWS::WAFv2::RuleGroup':
    'no charge (billed as one rule of each web ACL that uses it)',
  'AWS::S3::BucketPolicy': NO_CHARGE,
  'AWS::SNS::TopicPolicy': NO_CHARGE,
  'AWS::SNS::Subscription': BILLED_ELSEWHERE,
  'AWS::SQS::QueuePolicy': NO_CHARGE,
  'AWS::Logs::LogStream': BILLED_ELSEWHERE,
  'AWS::Logs::MetricFilter': NO_CHARGE,
  'AWS::Logs::SubscriptionFilter': BILLED_ELSEWHERE,
  'AWS::Logs::ResourcePolicy': NO_CHARGE,
  'AWS::Events::Rule':
    'no charge for rules on AWS service events and schedules',
  'AWS::Route53::RecordSet':
    'no charge (alias queries to AWS resources are free)',
  'AWS::Route53::RecordSetGroup':
    'no charge (alias queries to AWS resources are free)',
  'AWS::CertificateManager::Certificate':
    'no charge (public ACM certificate; source [W])',
  'AWS::KMS::Alias': NO_CHARGE,
  'AWS::EC2::VolumeAttachment': NO_CHARGE,
  'AWS::EC2::KeyPair': NO_CHARGE,
  'AWS::EC2::PlacementGroup': NO_CHARGE,
  'AWS::EC2::NetworkInterfaceAttachment': NO_CHARGE,
  'AWS::EC2::SubnetCidrBlock': NO_CHARGE,
  'AWS::EC2::PrefixList': NO_CHARGE,
  'AWS::AutoScaling::LaunchConfiguration': BILLED_ELSEWHERE,
  'AWS::AutoScaling::ScalingPolicy': NO_CHARGE,
  'AWS::AutoScaling::ScheduledAction': NO_CHARGE,
  'AWS::AutoScaling::LifecycleHook': NO_CHARGE,
  'AWS::ECS::CapacityProvider': NO_CHARGE,
  'AWS::EKS::Addon': 'no charge (add-ons run on the cluster nodes)',
  'AWS::EKS::AccessEntry': NO_CHARGE,
  'AWS::EKS::PodIdentityAssociation': NO_CHARGE,
  'AWS::EKS::IdentityProviderConfig': NO_CHARGE,
  'AWS::RDS::DBSecurityGroup': NO_CHARGE,
  'AWS::RDS::DBSecurityGroupIngress': NO_CHARGE,
  'AWS::RDS::EventSubscription': BILLED_ELSEWHERE,
  'AWS::DMS::Endpoint': NO_CHARGE,
  'AWS::DMS::ReplicationSubnetGroup': NO_CHARGE,
  'AWS::DMS::ReplicationTask': BILLED_ELSEWHERE,
  'AWS::DMS::EventSubscription': BILLED_ELSEWHERE,
  'AWS::Neptune::DBSubnetGroup': NO_CHARGE,
  'AWS::Neptune::DBParameterGroup': NO_CHARGE,
  'AWS::Neptune::DBClusterParameterGroup': NO_CHARGE,
  'AWS::DocDB::DBSubnetGroup': NO_CHARGE,
  'AWS::DocDB::DBClusterParameterGroup': NO_CHARGE,
  'AWS::ElastiCache::SecurityGroup': NO_CHARGE,
  'AWS::ElastiCache::SecurityGroupIngress': NO_CHARGE,
  'AWS::MSK::Configuration': NO_CHARGE,
  'AWS::Lambda::LayerVersion':
    'no charge (layer storage within the account allowance)',
  'AWS::Lambda::LayerVersionPermission': NO_CHARGE,
  'AWS::Serverless::LayerVersion':
    'no charge (layer storage within the account allowance)',
  'AWS::Serverless::Connector': NO_CHARGE,
  'AWS::EC2::VPCEndpointService':
    'no charge (its consumers pay for their endpoints; the load balancer is billed)',
  'AWS::EC2::VPCEndpointServicePermissions': NO_CHARGE,
  'AWS::CloudFormation::CustomResource': BILLED_ELSEWHERE,
  'AWS::ApiGateway::DocumentationPart': NO_CHARGE,
  'AWS::ApiGateway::DocumentationVersion': NO_CHARGE,
  'AWS::ApiGatewayV2::RouteResponse': NO_CHARGE,
  'AWS::ApiGatewayV2::IntegrationResponse': NO_CHARGE,
  'AWS::ElasticLoadBalancingV2::TrustStore': NO_CHARGE,
  'AWS::SSM::Document': NO_CHARGE,
};

/** Type prefixes that are free as a family. */
const FREE_PREFIXES = ['AWS::IAM::'];

/**
 * The pricer of a type that costs nothing by itself (IAM, security groups, routes, ...), or
 * `undefined` when the type is not free.
 *
 * @internal
 */
export function freePricer(type: string): Pricer | undefined {
  const basis =
    FREE_TYPES[type] ??
    (type.startsWith('Custom::') ? BILLED_ELSEWHERE : undefined) ??
    (FREE_PREFIXES.some(prefix => type.startsWith(prefix))
      ? NO_CHARGE
      : undefined);
  return basis === undefined ? undefined : () => noCharge(basis);
}
