/**
 * [V] vantage-sh/ec2instances.info (MIT): the on-demand prices its scraper read from the AWS
 * Price List, per region. Quality `secondary` (a third party's data file, not the Price List
 * itself), and older than the other sources, so a cell of another source wins over it and it
 * only replaces an `unconfirmed` estimate.
 *
 * - RDS: `www/rds/instances.json` at commit 14ede5a (2021-08-03), Single-AZ hours by engine
 *   (Multi-AZ is not in the file). Checked against [A] (db.r6g.large MySQL and PostgreSQL: all
 *   six regions equal) and [K] (db.t3.large, db.m5.large us-east-1: equal). Left out: the
 *   PostgreSQL db.t2.micro eu-central-1 cell (0.025, out of line with every other class).
 * - ElastiCache: `www/cache/instances.json` at commit 77748c0 (2022-03-21), node hours; only
 *   cells where its Redis and Memcached prices agree (they are equal in the Price List), and
 *   no cache.m5/cache.r5 nodes (their Redis and Memcached cells disagree, a scraping fault).
 *   Checked against [B] (cache.t4g.micro eu-west-2), [F] (cache.r6g.large us-east-1), [K]
 *   (cache.m4.large us-east-1) and [L] (cache.t3.medium us-west-2): equal.
 */
import type { PricePoint } from './aws-prices';
import { SixRegions as Usd, sixRegionPoints as points } from './priceRows';

/** Source of the RDS rows. */
export const V_RDS_SOURCE = '[V] www/rds/instances.json at 14ede5a (Single-AZ)';
/** Source of the ElastiCache rows. */
export const V_CACHE_SOURCE = '[V] www/cache/instances.json at 77748c0';

const RDS_SINGLE_AZ: Readonly<Record<string, Usd>> = {
  'mariadb|db.m4.2xlarge': [0.7, 0.7, 0.7, 0.772, 0.811, 0.834],
  'mariadb|db.m4.large': [0.175, 0.175, 0.175, 0.193, 0.203, 0.208],
  'mariadb|db.m4.xlarge': [0.35, 0.35, 0.35, 0.386, 0.405, 0.417],
  'mariadb|db.m5.2xlarge': [0.684, 0.684, 0.684, 0.756, 0.792, 0.812],
  'mariadb|db.m5.large': [0.171, 0.171, 0.171, 0.189, 0.198, 0.203],
  'mariadb|db.m5.xlarge': [0.342, 0.342, 0.342, 0.378, 0.396, 0.406],
  'mariadb|db.m6g.large': [0.152, 0.152, 0.152, 0.168, 0.176, 0.18],
  'mariadb|db.m6g.xlarge': [0.304, 0.304, 0.304, 0.336, 0.352, 0.361],
  'mariadb|db.r4.2xlarge': [0.96, 0.96, 0.96, 1.06, 1.12, 1.16],
  'mariadb|db.r4.large': [0.24, 0.24, 0.24, 0.265, 0.28, 0.29],
  'mariadb|db.r4.xlarge': [0.48, 0.48, 0.48, 0.53, 0.56, 0.58],
  'mariadb|db.r5.2xlarge': [0.96, 0.96, 0.96, 1.06, 1.12, 1.16],
  'mariadb|db.r5.large': [0.24, 0.24, 0.24, 0.265, 0.28, 0.29],
  'mariadb|db.r5.xlarge': [0.48, 0.48, 0.48, 0.53, 0.56, 0.58],
  'mariadb|db.r6g.large': [0.215, 0.215, 0.215, 0.237, 0.251, 0.26],
  'mariadb|db.r6g.xlarge': [0.43, 0.43, 0.43, 0.474, 0.501, 0.519],
  'mariadb|db.t2.large': [0.136, 0.136, 0.136, 0.146, 0.153, 0.157],
  'mariadb|db.t2.medium': [0.068, 0.068, 0.068, 0.073, 0.077, 0.08],
  'mariadb|db.t2.micro': [0.017, 0.017, 0.017, 0.018, 0.019, 0.02],
  'mariadb|db.t2.small': [0.034, 0.034, 0.034, 0.036, 0.038, 0.04],
  'mariadb|db.t3.large': [0.136, 0.136, 0.136, 0.144, 0.152, 0.16],
  'mariadb|db.t3.medium': [0.068, 0.068, 0.068, 0.072, 0.076, 0.08],
  'mariadb|db.t3.micro': [0.017, 0.017, 0.017, 0.018, 0.019, 0.02],
  'mariadb|db.t3.small': [0.034, 0.034, 0.034, 0.036, 0.038, 0.04],
  'mysql|db.m4.2xlarge': [0.7, 0.7, 0.7, 0.772, 0.811, 0.834],
  'mysql|db.m4.large': [0.175, 0.175, 0.175, 0.193, 0.203, 0.208],
  'mysql|db.m4.xlarge': [0.35, 0.35, 0.35, 0.386, 0.405, 0.417],
  'mysql|db.m5.2xlarge': [0.684, 0.684, 0.684, 0.756, 0.792, 0.812],
  'mysql|db.m5.large': [0.171, 0.171, 0.171, 0.189, 0.198, 0.203],
  'mysql|db.m5.xlarge': [0.342, 0.342, 0.342, 0.378, 0.396, 0.406],
  'mysql|db.m6g.large': [0.152, 0.152, 0.152, 0.168, 0.176, 0.18],
  'mysql|db.m6g.xlarge': [0.304, 0.304, 0.304, 0.336, 0.352, 0.361],
  'mysql|db.r4.2xlarge': [0.96, 0.96, 0.96, 1.06, 1.12, 1.16],
  'mysql|db.r4.large': [0.24, 0.24, 0.24, 0.265, 0.28, 0.29],
  'mysql|db.r4.xlarge': [0.48, 0.48, 0.48, 0.53, 0.56, 0.58],
  'mysql|db.r5.2xlarge': [0.96, 0.96, 0.96, 1.06, 1.12, 1.16],
  'mysql|db.r5.large': [0.24, 0.24, 0.24, 0.265, 0.28, 0.29],
  'mysql|db.r5.xlarge': [0.48, 0.48, 0.48, 0.53, 0.56, 0.58],
  'mysql|db.r6g.large': [0.215, 0.215, 0.215, 0.237, 0.251, 0.26],
  'mysql|db.r6g.xlarge': [0.43, 0.43, 0.43, 0.474, 0.501, 0.519],
  'mysql|db.t2.large': [0.136, 0.136, 0.136, 0.146, 0.153, 0.157],
  'mysql|db.t2.medium': [0.068, 0.068, 0.068, 0.073, 0.077, 0.08],
  'mysql|db.t2.micro': [0.017, 0.017, 0.017, 0.018, 0.019, 0.02],
  'mysql|db.t2.small': [0.034, 0.034, 0.034, 0.036, 0.038, 0.04],
  'mysql|db.t3.large': [0.136, 0.136, 0.136, 0.144, 0.152, 0.16],
  'mysql|db.t3.medium': [0.068, 0.068, 0.068, 0.072, 0.076, 0.08],
  'mysql|db.t3.micro': [0.017, 0.017, 0.017, 0.018, 0.019, 0.02],
  'mysql|db.t3.small': [0.034, 0.034, 0.034, 0.036, 0.038, 0.04],
  'postgres|db.m4.2xlarge': [0.73, 0.73, 0.73, 0.806, 0.846, 0.87],
  'postgres|db.m4.large': [0.182, 0.182, 0.182, 0.201, 0.211, 0.217],
  'postgres|db.m4.xlarge': [0.365, 0.365, 0.365, 0.403, 0.423, 0.435],
  'postgres|db.m5.2xlarge': [0.712, 0.712, 0.712, 0.788, 0.824, 0.848],
  'postgres|db.m5.large': [0.178, 0.178, 0.178, 0.197, 0.206, 0.212],
  'postgres|db.m5.xlarge': [0.356, 0.356, 0.356, 0.394, 0.412, 0.424],
  'postgres|db.m6g.large': [0.159, 0.159, 0.159, 0.176, 0.184, 0.189],
  'postgres|db.m6g.xlarge': [0.318, 0.318, 0.318, 0.352, 0.368, 0.379],
  'postgres|db.r4.2xlarge': [1.0, 1.0, 1.0, 1.12, 1.176, 1.22],
  'postgres|db.r4.large': [0.25, 0.25, 0.25, 0.28, 0.294, 0.305],
  'postgres|db.r4.xlarge': [0.5, 0.5, 0.5, 0.56, 0.588, 0.61],
  'postgres|db.r5.2xlarge': [1.0, 1.0, 1.0, 1.12, 1.176, 1.22],
  'postgres|db.r5.large': [0.25, 0.25, 0.25, 0.28, 0.294, 0.305],
  'postgres|db.r5.xlarge': [0.5, 0.5, 0.5, 0.56, 0.588, 0.61],
  'postgres|db.r6g.large': [0.225, 0.225, 0.225, 0.252, 0.264, 0.274],
  'postgres|db.r6g.xlarge': [0.45, 0.45, 0.45, 0.504, 0.529, 0.549],
  'postgres|db.t2.large': [0.145, 0.145, 0.145, 0.156, 0.164, 0.168],
  'postgres|db.t2.medium': [0.073, 0.073, 0.073, 0.078, 0.082, 0.085],
  'postgres|db.t2.micro': [0.018, 0.018, 0.018, 0.02, 0.021, null],
  'postgres|db.t2.small': [0.036, 0.036, 0.036, 0.039, 0.041, 0.045],
  'postgres|db.t3.large': [0.145, 0.145, 0.145, 0.156, 0.164, 0.168],
  'postgres|db.t3.medium': [0.072, 0.072, 0.072, 0.078, 0.082, 0.084],
  'postgres|db.t3.micro': [0.018, 0.018, 0.018, 0.02, 0.021, 0.021],
  'postgres|db.t3.small': [0.036, 0.036, 0.036, 0.039, 0.041, 0.042],
};

const CACHE_NODES: Readonly<Record<string, Usd>> = {
  'cache.m3.2xlarge': [0.728, null, 0.728, 0.785, null, 0.848],
  'cache.m3.large': [0.182, null, 0.182, 0.2, null, 0.216],
  'cache.m3.medium': [0.09, null, 0.09, 0.095, null, 0.103],
  'cache.m3.xlarge': [0.364, null, 0.364, 0.4, null, 0.432],
  'cache.m4.large': [0.156, 0.156, 0.156, 0.172, 0.18, 0.186],
  'cache.m4.xlarge': [0.311, 0.311, 0.311, 0.343, 0.36, 0.371],
  'cache.m6g.large': [0.149, 0.149, 0.149, 0.164, 0.171, 0.177],
  'cache.m6g.xlarge': [0.297, 0.297, 0.297, 0.327, 0.342, 0.354],
  'cache.r4.large': [0.228, 0.228, 0.228, 0.254, 0.267, 0.274],
  'cache.r6g.large': [0.206, 0.206, 0.206, 0.229, 0.24, 0.247],
  'cache.r6g.xlarge': [0.411, 0.411, 0.411, 0.458, 0.481, 0.494],
  'cache.t2.medium': [0.068, 0.068, 0.068, 0.073, 0.077, 0.078],
  'cache.t2.micro': [0.017, 0.017, 0.017, 0.018, 0.019, 0.019],
  'cache.t2.small': [0.034, 0.034, 0.034, 0.036, 0.038, 0.038],
  'cache.t3.medium': [0.068, 0.068, 0.068, 0.072, 0.076, 0.076],
  'cache.t3.micro': [0.017, 0.017, 0.017, 0.018, 0.019, 0.019],
  'cache.t3.small': [0.034, 0.034, 0.034, 0.036, 0.038, 0.038],
  'cache.t4g.medium': [0.065, 0.065, 0.065, 0.068, 0.072, 0.072],
  'cache.t4g.micro': [0.016, 0.016, 0.016, 0.017, 0.018, 0.018],
  'cache.t4g.small': [0.032, 0.032, 0.032, 0.034, 0.036, 0.036],
};

/**
 * RDS Single-AZ instance hours by `engine key|class`.
 *
 * @internal
 */
export function vantageRdsHours(
  key: string,
): Record<string, PricePoint> | undefined {
  const usd = RDS_SINGLE_AZ[key];
  return usd && points(usd);
}

/**
 * ElastiCache node hours by node type (Redis OSS and Memcached alike).
 *
 * @internal
 */
export function vantageCacheHours(
  nodeType: string,
): Record<string, PricePoint> | undefined {
  const usd = CACHE_NODES[nodeType];
  return usd && points(usd);
}
