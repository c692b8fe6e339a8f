import os from 'node:os';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { ACCOUNT, AwsStandIn, DEPLOYER_KEYS } from '@stageline/aws-stand-in';
import { AwsAccess } from '@stageline/plugin-environments-node';
import type { EnvironmentEntityV1alpha1 } from '@stageline/plugin-environments-common';
import { StackDiscoveryProvider } from '../discovery/StackDiscoveryProvider';
import type { DiscoveredStackStore } from '../discovery/DiscoveredStackStore';
import type { StackDiscoveryConfig } from '../discovery/readStackDiscoveryConfig';

/** A second AWS account, with its own deployer. */
export const OTHER_ACCOUNT = '210987654321';
const OTHER_KEYS = {
  accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
  secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
};

/** `aws.accounts` naming both accounts' credentials. */
export const twoAccountsConfig = {
  aws: {
    accounts: [
      { accountId: ACCOUNT, ...DEPLOYER_KEYS },
      { accountId: OTHER_ACCOUNT, ...OTHER_KEYS },
    ],
  },
};

/** Lets the stand-in know the second account's deployer. */
export function addOtherAccount(aws: AwsStandIn) {
  aws.identities.addUser(
    OTHER_ACCOUNT,
    'stageline-deployer',
    OTHER_KEYS.accessKeyId,
    OTHER_KEYS.secretAccessKey,
  );
}

export const SMALL_TEMPLATE = JSON.stringify({
  Resources: { Queue: { Type: 'AWS::SQS::Queue' } },
});

/** Tags as CloudFormation lists them. */
export const tags = (record: Record<string, string>) =>
  Object.entries(record).map(([Key, Value]) => ({ Key, Value }));

/** A discovery provider over a catalog holding `entities`, connected to a recording connection. */
export async function connectedDiscovery(
  entities: Entity[],
  settings: Partial<Omit<StackDiscoveryConfig, 'schedule'>> = {},
  store?: Pick<DiscoveredStackStore, 'replace'>,
) {
  const logger = mockServices.logger.mock();
  const provider = new StackDiscoveryProvider({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    logger,
    aws: AwsAccess.fromConfig(new ConfigReader(twoAccountsConfig), {
      env: {},
      homeDir: os.tmpdir(),
    }),
    settings: {
      accounts: [ACCOUNT, OTHER_ACCOUNT],
      regions: ['eu-west-2', 'us-east-1'],
      ...settings,
    },
    store,
  });
  let emitted: Array<{ entity: Entity; locationKey?: string }> = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      if (mutation.type === 'full') emitted = mutation.entities;
    },
    refresh: async () => undefined,
  };
  await provider.connect(connection);
  return {
    logger,
    /** Runs discovery once; the Environments it emitted, by name. */
    async read() {
      await provider.read();
      return new Map(
        emitted.map(e => [
          e.entity.metadata.name,
          e as { entity: EnvironmentEntityV1alpha1; locationKey?: string },
        ]),
      );
    },
  };
}
