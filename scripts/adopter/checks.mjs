// The HTTP checks of the adopter check (scripts/adopter-check.sh) against the fixture app's
// backend: node checks.mjs <backend base URL> <backend log file>. Prints each check and what
// differed; exits 1 when any failed.
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync } from 'node:fs';

const [baseUrl, logFile] = process.argv.slice(2);
const failures = [];
const COMPONENT = 'component:default/payments-api';
const ENVIRONMENTS = ['payments-api-staging', 'payments-api-production'];
const ACTIONS = [
  'environment:plan',
  'environment:deploy',
  'environment:destroy',
  'environment:promote',
  'environment:github:setup',
];

function check(name, problem) {
  if (problem) {
    failures.push(name);
    console.log(`  FAIL ${name}: ${problem}`);
  } else {
    console.log(`  ok   ${name}`);
  }
}

async function call(path, { token, method = 'GET', body } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

async function poll(what, fn, seconds = 90) {
  const until = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last.done) return last;
    await sleep(1000);
  }
  return { ...last, problem: `${what} within ${seconds} s: ${last.problem}` };
}

// A user token from the guest provider, as the frontend gets one.
const refresh = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
  headers: { 'x-requested-with': 'XMLHttpRequest' },
});
const token = refresh.ok
  ? (await refresh.json()).backstageIdentity?.token
  : undefined;
check(
  'guest sign-in gives a token',
  token ? undefined : `GET /api/auth/guest/refresh answered ${refresh.status}`,
);
if (!token) process.exit(1);

// 1. The catalog accepts the example Environments, with their relations.
const listed = await poll('the Environments were not listed', async () => {
  const res = await call(
    '/api/catalog/entities/by-query?filter=kind=environment',
    { token },
  );
  const names = (res.json?.items ?? []).map(e => e.metadata.name).sort();
  const missing = ENVIRONMENTS.filter(n => !names.includes(n));
  return {
    done: res.status === 200 && missing.length === 0,
    items: res.json?.items ?? [],
    problem: `status ${res.status}, kind=environment lists [${names.join(
      ', ',
    )}], missing ${missing.join(', ')}`,
  };
});
check(
  'catalog lists the example Environments (kind=Environment)',
  listed.done ? undefined : listed.problem,
);

const staging = listed.items.find(
  e => e.metadata.name === 'payments-api-staging',
);
const stagingRelations = (staging?.relations ?? []).map(
  r => `${r.type} ${r.targetRef}`,
);
check(
  'an Environment has environmentOf, ownedBy and promotesTo relations',
  [
    `environmentOf ${COMPONENT}`,
    'ownedBy group:default/payments-team',
    'promotesTo environment:default/payments-api-production',
  ]
    .filter(r => !stagingRelations.includes(r))
    .map(r => `missing "${r}" (has ${stagingRelations.join(', ') || 'none'})`)
    .join('; ') || undefined,
);

const component = await poll(
  'the component had no hasEnvironment relations',
  async () => {
    const res = await call(
      '/api/catalog/entities/by-name/component/default/payments-api',
      { token },
    );
    const targets = (res.json?.relations ?? [])
      .filter(r => r.type === 'hasEnvironment')
      .map(r => r.targetRef);
    const missing = ENVIRONMENTS.filter(
      n => !targets.includes(`environment:default/${n}`),
    );
    return {
      done: missing.length === 0,
      problem: `missing hasEnvironment ${missing.join(', ')}`,
    };
  },
);
check(
  'the component has hasEnvironment relations',
  component.done ? undefined : component.problem,
);

// The invalid Environment (spec.scale: huge): rejected with a message naming the field.
const EXPECTED_ERROR =
  'spec.scale must be one of hobby, enhanced-hobby, enterprise; got "huge"';
const rejected = await poll(
  'no processing error for payments-api-broken',
  async () => {
    const log = readFileSync(logFile, 'utf8');
    return {
      done: log.includes('payments-api-broken') && log.includes(EXPECTED_ERROR),
      problem: `the backend log has no line with "${EXPECTED_ERROR}"`,
    };
  },
);
check(
  'the catalog logs the invalid Environment with the field',
  rejected.done ? undefined : rejected.problem,
);
const broken = await call(
  '/api/catalog/entities/by-name/environment/default/payments-api-broken',
  {
    token,
  },
);
check(
  'the invalid Environment is not in the catalog',
  broken.status === 404 ? undefined : `GET by-name answered ${broken.status}`,
);
const validated = await call('/api/catalog/validate-entity', {
  token,
  method: 'POST',
  body: {
    location: 'url:https://example.com/catalog-info.yaml',
    entity: {
      apiVersion: 'stageline.dev/v1alpha1',
      kind: 'Environment',
      metadata: { name: 'payments-api-huge' },
      spec: {
        type: 'staging',
        owner: 'payments-team',
        component: 'payments-api',
        scale: 'huge',
      },
    },
  },
});
check(
  'validate-entity answers 400 naming the field',
  validated.status === 400 &&
    validated.text.includes(EXPECTED_ERROR.replace(/"/g, '\\"'))
    ? undefined
    : `answered ${validated.status}: ${validated.text.slice(0, 300)}`,
);

// 2. The environments routes.
const anonymous = await call(
  `/api/environments/environments?entityRef=${COMPONENT}`,
);
check(
  'the environments routes refuse a call without credentials',
  anonymous.status === 401 ? undefined : `answered ${anonymous.status}`,
);
const envs = await call(
  `/api/environments/environments?entityRef=${encodeURIComponent(COMPONENT)}`,
  {
    token,
  },
);
const envNames = (envs.json?.items ?? []).map(i => i.name);
check(
  "GET /api/environments/environments?entityRef= lists the component's environments in promotion order",
  envs.status === 200 &&
    JSON.stringify(envNames) === JSON.stringify(ENVIRONMENTS)
    ? undefined
    : `answered ${envs.status}, names ${JSON.stringify(
        envNames,
      )}, expected ${JSON.stringify(ENVIRONMENTS)}: ${envs.text.slice(0, 300)}`,
);
const status = await call(
  '/api/environments/environments/default/payments-api-staging/status',
  {
    token,
  },
);
const sections = ['deployment', 'promotion', 'health', 'cost'].filter(
  s => !status.json?.[s],
);
check(
  'GET /api/environments/environments/default/payments-api-staging/status has every section',
  status.status === 200 &&
    status.json?.entityRef === 'environment:default/payments-api-staging' &&
    sections.length === 0
    ? undefined
    : `answered ${status.status}, missing sections [${sections.join(
        ', ',
      )}]: ${status.text.slice(0, 300)}`,
);
check(
  'cost estimates run in worker threads (the package ships its ./cost-estimate-worker file)',
  readFileSync(logFile, 'utf8').includes('Cost estimates run on the event loop')
    ? 'the backend log says cost estimates run on the event loop'
    : typeof status.json?.cost?.estimate?.monthly === 'number'
    ? undefined
    : `the cost section has no estimate: ${JSON.stringify(
        status.json?.cost,
      )?.slice(0, 300)}`,
);
const unknown = await call(
  '/api/environments/environments/default/no-such-environment/status',
  {
    token,
  },
);
check(
  'an unknown Environment answers 404',
  unknown.status === 404 ? undefined : `answered ${unknown.status}`,
);

// 3. The scaffolder actions.
const actions = await call('/api/scaffolder/v2/actions', { token });
const ids = (Array.isArray(actions.json) ? actions.json : []).map(a => a.id);
const missingActions = ACTIONS.filter(a => !ids.includes(a));
check(
  'GET /api/scaffolder/v2/actions lists the environment:* actions',
  actions.status === 200 && missingActions.length === 0
    ? undefined
    : `answered ${actions.status}, missing ${missingActions.join(', ')}`,
);

if (failures.length > 0) {
  console.log(`${failures.length} adopter check(s) failed`);
  process.exit(1);
}
