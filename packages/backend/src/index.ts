/*
 * The local Stageline backend: Backstage's catalog, scaffolder, auth (guest) and permissions,
 * with the Stageline environments plugin and its catalog and scaffolder modules.
 */
import { createBackend } from '@backstage/backend-defaults';
import { redactedRootHttpRouterServiceFactory } from './services/redactedRequestLogs';

const backend = createBackend();

// Backstage's request log, with credential-like query parameters (?token=…) redacted.
backend.add(redactedRootHttpRouterServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));

// auth: the guest provider is for local use only; production signs in with GitHub
// (app-config.production.yaml). Each provider is active only where its config is set.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// catalog, with the Environment kind
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
backend.add(import('@stageline/plugin-catalog-backend-module-environments'));

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@stageline/plugin-scaffolder-backend-module-environments'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// permissions
backend.add(import('@backstage/plugin-permission-backend'));

// search (in-memory Lunr engine), user settings, notifications, signals
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@stageline/plugin-environments-backend'));
backend.add(import('./modules/permissionPolicy'));

backend.start();
