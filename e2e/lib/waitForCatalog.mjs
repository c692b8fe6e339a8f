/**
 * Waits until the running backend's catalog holds the example system's component and
 * environments: the backend answers its readiness check before the catalog has read
 * examples/, and a page opened earlier says "Entity not found".
 *
 *   node e2e/lib/waitForCatalog.mjs [timeout seconds, default 120]
 */
import { setTimeout as sleep } from 'node:timers/promises';

const BACKEND = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const ENTITIES = [
  'component/default/macro-ai-api',
  'environment/default/macro-ai-api-staging',
  'environment/default/macro-ai-api-production',
];
const deadline = Date.now() + Number(process.argv[2] ?? 120) * 1000;

async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

async function missing(token) {
  const absent = [];
  for (const entity of ENTITIES) {
    const res = await fetch(
      `${BACKEND}/api/catalog/entities/by-name/${entity}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!res.ok) absent.push(entity);
  }
  return absent;
}

let last = 'not asked yet';
while (Date.now() < deadline) {
  try {
    const absent = await missing(await guestToken());
    if (absent.length === 0) process.exit(0);
    last = `missing ${absent.join(', ')}`;
  } catch (error) {
    last = String(error?.message ?? error);
  }
  await sleep(2000);
}
console.error(`e2e: the catalog did not load the example system: ${last}`);
process.exit(1);
