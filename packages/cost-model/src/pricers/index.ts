import { httpApiPricer, restApiPricer } from './apiGateway';
import { distributionPricer } from './cloudFront';
import { alarmPricer, dashboardPricer, logGroupPricer } from './cloudWatch';
import { ecsClusterPricer, ecsServicePricer } from './ecs';
import {
  cacheClusterPricer,
  replicationGroupPricer,
  serverlessCachePricer,
} from './elastiCache';
import { lambdaFunctionPricer } from './lambda';
import { loadBalancerPricer } from './loadBalancer';
import { hostedZonePricer, parameterPricer, secretPricer } from './management';
import {
  elasticIpPricer,
  natGatewayPricer,
  vpcEndpointPricer,
} from './network';
import { snsTopicPricer, sqsQueuePricer } from './messaging';
import { freePricer } from './noCharge';
import { dbClusterPricer, dbInstancePricer } from './rds';
import { bucketPricer, dynamoDbTablePricer, repositoryPricer } from './storage';
import { Pricer } from './types';
import { autoScalingGroupPricer, instancePricer, volumePricer } from './ec2';
import { eksClusterPricer, eksNodegroupPricer } from './eks';
import {
  documentDbClusterPricer,
  documentDbInstancePricer,
  neptuneClusterPricer,
  neptuneInstancePricer,
} from './graphAndDocumentDb';
import { dmsReplicationInstancePricer } from './dms';
import { healthCheckPricer, kmsKeyPricer } from './healthCheckAndKey';
import { mskClusterPricer, searchDomainPricer } from './searchAndStreaming';
import { webAclPricer } from './waf';

const PRICERS: Record<string, Pricer> = {
  'AWS::Lambda::Function': lambdaFunctionPricer,
  'AWS::ApiGatewayV2::Api': httpApiPricer,
  'AWS::ApiGateway::RestApi': restApiPricer,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancerPricer,
  'AWS::EC2::NatGateway': natGatewayPricer,
  'AWS::EC2::EIP': elasticIpPricer,
  'AWS::EC2::VPCEndpoint': vpcEndpointPricer,
  'AWS::ECS::Service': ecsServicePricer,
  'AWS::ECS::Cluster': ecsClusterPricer,
  'AWS::RDS::DBInstance': dbInstancePricer,
  'AWS::RDS::DBCluster': dbClusterPricer,
  'AWS::ElastiCache::CacheCluster': cacheClusterPricer,
  'AWS::ElastiCache::ReplicationGroup': replicationGroupPricer,
  'AWS::ElastiCache::ServerlessCache': serverlessCachePricer,
  'AWS::CloudFront::Distribution': distributionPricer,
  'AWS::CloudWatch::Alarm': alarmPricer,
  'AWS::CloudWatch::Dashboard': dashboardPricer,
  'AWS::Logs::LogGroup': logGroupPricer,
  'AWS::WAFv2::WebACL': webAclPricer,
  'AWS::SecretsManager::Secret': secretPricer,
  'AWS::SSM::Parameter': parameterPricer,
  'AWS::S3::Bucket': bucketPricer,
  'AWS::DynamoDB::Table': dynamoDbTablePricer,
  'AWS::DynamoDB::GlobalTable': dynamoDbTablePricer,
  'AWS::ECR::Repository': repositoryPricer,
  'AWS::Route53::HostedZone': hostedZonePricer,
  'AWS::SNS::Topic': snsTopicPricer,
  'AWS::SQS::Queue': sqsQueuePricer,
  'AWS::EC2::Instance': instancePricer,
  'AWS::EC2::Volume': volumePricer,
  'AWS::AutoScaling::AutoScalingGroup': autoScalingGroupPricer,
  'AWS::EKS::Cluster': eksClusterPricer,
  'AWS::EKS::Nodegroup': eksNodegroupPricer,
  'AWS::Neptune::DBInstance': neptuneInstancePricer,
  'AWS::Neptune::DBCluster': neptuneClusterPricer,
  'AWS::DocDB::DBInstance': documentDbInstancePricer,
  'AWS::DocDB::DBCluster': documentDbClusterPricer,
  'AWS::DMS::ReplicationInstance': dmsReplicationInstancePricer,
  'AWS::OpenSearchService::Domain': searchDomainPricer,
  'AWS::Elasticsearch::Domain': searchDomainPricer,
  'AWS::MSK::Cluster': mskClusterPricer,
  'AWS::Route53::HealthCheck': healthCheckPricer,
  'AWS::KMS::Key': kmsKeyPricer,
  // AWS SAM resources, priced as what the transform turns them into.
  'AWS::Serverless::Function': lambdaFunctionPricer,
  'AWS::Serverless::Api': restApiPricer,
  'AWS::Serverless::HttpApi': httpApiPricer,
  'AWS::Serverless::SimpleTable': (resource, context) =>
    dynamoDbTablePricer(
      {
        ...resource,
        properties: {
          ...resource.properties,
          BillingMode:
            resource.properties.ProvisionedThroughput === undefined
              ? 'PAY_PER_REQUEST'
              : 'PROVISIONED',
        },
      },
      context,
    ),
};

/**
 * The pricer of a resource type, or `undefined` when the price table does not cover it.
 *
 * @internal
 */
export function pricerFor(type: string): Pricer | undefined {
  return PRICERS[type] ?? freePricer(type);
}
