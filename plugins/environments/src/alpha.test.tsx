import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  buildComponentEntity,
  buildEnvironmentEntity,
} from './__testUtils__/fixtures';
import plugin, {
  entityEnvironmentOverviewCard,
  entityEnvironmentsCard,
  environmentsPage,
} from './alpha';

describe('environments plugin for the new frontend system', () => {
  it('has the plugin id and provides the API, both cards and the page', () => {
    expect(plugin.pluginId).toBe('environments');
    const ids = [
      'api:environments',
      'entity-card:environments/environments',
      'entity-card:environments/overview',
      'page:environments',
    ];
    for (const id of ids) {
      expect(plugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('shows the environments card on components with environments only', () => {
    const filter = createExtensionTester(entityEnvironmentsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(buildComponentEntity())).toBe(true);
    expect(filter(buildComponentEntity({ relations: [] }))).toBe(false);
    expect(filter(buildEnvironmentEntity())).toBe(false);
  });

  it('shows the overview card on Environment entities only', () => {
    const filter = createExtensionTester(entityEnvironmentOverviewCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(buildEnvironmentEntity('production'))).toBe(true);
    expect(filter(buildComponentEntity())).toBe(false);
  });

  it('mounts the page at /environments with a title for the sidebar', () => {
    const tester = createExtensionTester(environmentsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/environments');
    expect(tester.get(coreExtensionData.title)).toBe('Environments');
  });
});
