import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { LineBuilder, noCharge } from './LineBuilder';
import {
  objectProperty,
  optionalNumber,
  optionalString,
  referencedResource,
} from './properties';
import { CannotPrice, Pricer } from './types';

/**
 * A task size in whole units from CloudFormation's two forms: `1024` (CPU units or MiB, so
 * divided by 1024) or `1 vCPU` / `2 GB`.
 */
function taskSize(value: unknown, unit: 'vCPU' | 'GB', field: string): number {
  const text = String(value).trim();
  const match = new RegExp(`^([\\d.]+)\\s*${unit}$`, 'i').exec(text);
  const amount = match ? Number(match[1]) : Number(text) / 1024;
  if (!Number.isFinite(amount) || amount <= 0) {
    throw new CannotPrice(
      `task ${field} ${JSON.stringify(value)} cannot be read`,
    );
  }
  return amount;
}

/** `FARGATE`, `FARGATE_SPOT`, `EC2`/`EXTERNAL`, or undefined when the cluster default decides. */
function launchType(properties: Record<string, unknown>): string | undefined {
  const explicit = optionalString(properties, 'LaunchType');
  if (explicit) return explicit;
  const strategy = properties.CapacityProviderStrategy;
  if (!Array.isArray(strategy) || strategy.length === 0) return undefined;
  const providers = strategy.map(item =>
    String((item as Record<string, unknown>).CapacityProvider),
  );
  if (providers.every(provider => provider === 'FARGATE')) return 'FARGATE';
  return providers.some(provider => provider === 'FARGATE_SPOT')
    ? 'FARGATE_SPOT'
    : 'EC2';
}

/**
 * `AWS::ECS::Service` on Fargate: desired count × the task definition's vCPU and memory per
 * hour, at the x86 or ARM rate, plus ephemeral storage above the free 20 GB and a public IPv4
 * address per task with `AssignPublicIp: ENABLED`. Services on EC2
 * capacity cost nothing themselves; Fargate Spot is not in the price table.
 *
 * @internal
 */
export const ecsServicePricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  const launch = launchType(properties);
  if (launch === 'EC2' || launch === 'EXTERNAL') {
    return noCharge(
      'no charge for the service (its EC2 capacity is billed, not priced here)',
    );
  }
  if (launch === 'FARGATE_SPOT') {
    return line
      .cannotPrice('Fargate Spot prices are not in the price table')
      .build();
  }
  if (launch === undefined) {
    return line
      .cannotPrice(
        'no LaunchType or capacity provider: the cluster default decides',
      )
      .build();
  }
  const taskDefinition = referencedResource(properties.TaskDefinition, context);
  if (!taskDefinition)
    throw new CannotPrice('TaskDefinition is not a resource of this template');
  const task = taskDefinition.properties;
  const platform = objectProperty(task, 'RuntimePlatform');
  const os = optionalString(platform, 'OperatingSystemFamily') ?? 'LINUX';
  if (os !== 'LINUX')
    return line
      .cannotPrice(`Fargate ${os} prices are not in the price table`)
      .build();
  const arm = optionalString(platform, 'CpuArchitecture') === 'ARM64';
  const rates = arm ? AWS_PRICES.fargate.arm64 : AWS_PRICES.fargate.x86_64;
  const architecture = arm ? 'ARM64' : 'X86_64';

  let tasks = optionalNumber(properties, 'DesiredCount');
  if (tasks === undefined) {
    tasks = 1;
    line.note('DesiredCount not set: 1 task assumed');
  }
  if (task.Cpu === undefined || task.Memory === undefined) {
    throw new CannotPrice(
      'the task definition has no task-level Cpu and Memory',
    );
  }
  const cpu = taskSize(task.Cpu, 'vCPU', 'Cpu');
  const memory = taskSize(task.Memory, 'GB', 'Memory');
  line
    .hourly(
      `vCPU (${formatQuantity(tasks)} tasks × ${formatQuantity(
        cpu,
      )} vCPU, ${architecture})`,
      tasks * cpu,
      rates.vcpuHour,
    )
    .hourly(
      `GB memory (${formatQuantity(tasks)} tasks × ${formatQuantity(
        memory,
      )} GB)`,
      tasks * memory,
      rates.gbHour,
    );
  const ephemeral =
    optionalNumber(objectProperty(task, 'EphemeralStorage'), 'SizeInGiB') ?? 20;
  if (ephemeral > 20) {
    line.hourly(
      `GB ephemeral storage over 20 (${formatQuantity(
        tasks,
      )} tasks × ${formatQuantity(ephemeral - 20)} GB)`,
      tasks * (ephemeral - 20),
      AWS_PRICES.fargate.ephemeralGbHour,
    );
  }
  const awsvpc = objectProperty(
    objectProperty(properties, 'NetworkConfiguration'),
    'AwsvpcConfiguration',
  );
  if (optionalString(awsvpc, 'AssignPublicIp') === 'ENABLED') {
    line.hourly(
      `public IPv4 address (one per task)`,
      tasks,
      AWS_PRICES.publicIpv4Hour,
    );
  }
  const scaling = context.template.resources.find(
    other =>
      other.type === 'AWS::ApplicationAutoScaling::ScalableTarget' &&
      other.properties.ServiceNamespace === 'ecs',
  );
  if (scaling) {
    line.note(
      `priced at DesiredCount ${tasks}; auto-scaling may run ${scaling.properties.MinCapacity}–${scaling.properties.MaxCapacity} tasks`,
    );
  }
  return line.build();
};

/**
 * `AWS::ECS::Cluster`: free, except that Container Insights metrics are billed by usage and
 * are not priced.
 *
 * @internal
 */
export const ecsClusterPricer: Pricer = (resource, context) => {
  const settings = resource.properties.ClusterSettings;
  const insights =
    Array.isArray(settings) &&
    settings.some(
      setting =>
        (setting as Record<string, unknown>).Name === 'containerInsights' &&
        ['enabled', 'enhanced'].includes(
          String((setting as Record<string, unknown>).Value),
        ),
    );
  return insights
    ? new LineBuilder(context.prices)
        .cannotPrice(
          'Container Insights metrics are billed by usage and are not priced',
        )
        .build()
    : noCharge();
};
