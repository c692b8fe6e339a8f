/*
 * The backend of a fresh create-app app (Backstage 1.55), cut to what Stageline needs, with
 * Stageline wired exactly as its package READMEs say.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// auth plugin, with the guest provider as create-app sets it up
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin, with create-app's policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));

// Stageline (@stageline/plugin-catalog-backend-module-environments README, "Wiring")
backend.add(import('@stageline/plugin-catalog-backend-module-environments'));
// (@stageline/plugin-environments-backend README, "Wiring")
backend.add(import('@stageline/plugin-environments-backend'));
// (@stageline/plugin-scaffolder-backend-module-environments README, "Wiring")
backend.add(import('@stageline/plugin-scaffolder-backend-module-environments'));

backend.start();
