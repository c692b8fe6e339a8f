/**
 * Stageline environments backend: live status, promotion with gates, history, permissions.
 *
 * @packageDocumentation
 */
export { environmentsPlugin as default } from './plugin';
