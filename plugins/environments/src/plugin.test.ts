import { environmentsApiRef } from './api';
import { EnvironmentsClient } from './api/EnvironmentsClient';
import { environmentsPlugin } from './plugin';
import { rootRouteRef } from './routes';

describe('environments plugin for the legacy frontend system', () => {
  it('provides the environments API built from discovery and fetch', () => {
    expect(environmentsPlugin.getId()).toBe('environments');
    const [factory] = [...environmentsPlugin.getApis()];
    expect(factory.api).toBe(environmentsApiRef);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
    const api = factory.factory({ discoveryApi: {}, fetchApi: {} } as any);
    expect(api).toBeInstanceOf(EnvironmentsClient);
  });

  it('routes its page through rootRouteRef', () => {
    expect(environmentsPlugin.routes.root).toBe(rootRouteRef);
  });
});
