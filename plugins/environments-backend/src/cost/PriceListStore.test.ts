import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { PriceListStore, queryHash } from './PriceListStore';

jest.setTimeout(60_000);

/** PostgreSQL ids run where BACKSTAGE_TEST_DATABASE_POSTGRES<NN>_CONNECTION_STRING is set. */
const ids: TestDatabaseId[] = ['SQLITE_3', 'POSTGRES_17', 'POSTGRES_15'];
const databases = TestDatabases.create({ ids });

const NAT_HOURS = {
  serviceCode: 'AmazonEC2',
  filters: { productFamily: 'NAT Gateway' },
  usagetype: 'NatGateway-Hours',
};
const LAMBDA_REQUESTS = {
  serviceCode: 'AWSLambda',
  filters: { group: 'AWS-Lambda-Requests' },
  scale: 1_000_000,
};

describe.each(databases.eachSupportedId())(
  'PriceListStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return PriceListStore.create(mockServices.database({ knex }));
    }

    it('keeps answers by region and query, a later answer replacing an earlier one', async () => {
      const store = await createStore();
      const fetchedAt = new Date('2026-09-01T10:00:00.000Z');
      await store.save([
        {
          region: 'ap-southeast-2',
          query: NAT_HOURS,
          label: 'NAT gateway hour',
          usd: 0.059,
          source: 'AWS Price List API AmazonEC2 SKU NATHRS',
          fetchedAt,
        },
        {
          region: 'ap-southeast-2',
          query: LAMBDA_REQUESTS,
          label: 'Lambda requests',
          fetchedAt,
        },
      ]);
      const found = await store.find('ap-southeast-2', [
        NAT_HOURS,
        LAMBDA_REQUESTS,
      ]);
      expect(found.get(queryHash(NAT_HOURS))).toEqual({
        region: 'ap-southeast-2',
        query: NAT_HOURS,
        label: 'NAT gateway hour',
        usd: 0.059,
        source: 'AWS Price List API AmazonEC2 SKU NATHRS',
        fetchedAt,
      });
      // The API had no single price: kept as such, so it is not asked on every estimate.
      expect(found.get(queryHash(LAMBDA_REQUESTS))?.usd).toBeUndefined();
      expect((await store.find('ap-south-1', [NAT_HOURS])).size).toBe(0);

      const later = new Date('2026-09-02T10:00:00.000Z');
      await store.save([
        {
          region: 'ap-southeast-2',
          query: LAMBDA_REQUESTS,
          label: 'Lambda requests',
          usd: 0.2,
          source: 'AWS Price List API AWSLambda SKU REQ',
          fetchedAt: later,
        },
      ]);
      const all = await store.all();
      expect(all.map(price => [price.label, price.usd])).toEqual([
        ['NAT gateway hour', 0.059],
        ['Lambda requests', 0.2],
      ]);
      expect(all[1].fetchedAt).toEqual(later);
    });

    it('finds a query whatever the order of its filters', async () => {
      const store = await createStore();
      const query = {
        serviceCode: 'AmazonRDS',
        filters: {
          volumeType: 'General Purpose',
          deploymentOption: 'Multi-AZ',
        },
      };
      await store.save([
        {
          region: 'sa-east-1',
          query,
          label: 'RDS gp2 storage Multi-AZ',
          usd: 0.437,
          source: 'AWS Price List API AmazonRDS SKU X',
          fetchedAt: new Date(),
        },
      ]);
      const reordered = {
        serviceCode: 'AmazonRDS',
        filters: {
          deploymentOption: 'Multi-AZ',
          volumeType: 'General Purpose',
        },
      };
      const found = await store.find('sa-east-1', [reordered]);
      expect(found.get(queryHash(reordered))?.usd).toBe(0.437);
    });
  },
);
