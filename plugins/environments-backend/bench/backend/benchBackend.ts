/*
 * A real Backstage backend for the load benchmarks, started as its own process by
 * `startBenchBackend`: the catalog (with the Environment kind) reading a generated file, guest
 * sign-in, the permission framework with a policy that allows everything, and this plugin.
 * Config comes from the `--config` file the benchmark writes.
 */
import { createBackend } from '@backstage/backend-defaults';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** Every request is allowed, but still decided by the permission backend, as in production. */
const allowAll = createBackendModule({
  pluginId: 'permission',
  moduleId: 'bench-allow-all',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle() {
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@stageline/plugin-catalog-backend-module-environments'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(allowAll);
backend.add(import('../../src'));
backend.start();
