#!/usr/bin/env node
/*
 * The example system's git repository for the local app (`make start`): a bare repository
 * standing in for GitHub's acme/macro-ai (app-config.yaml, environments.localRepository), with
 * `main` (production), `develop` (staging) three commits ahead of it, and the preview's branch
 * `feature/streaming-responses` one commit ahead of develop.
 *
 *   node scripts/local-repo.mjs [--path <dir>] [--reset]
 *
 * Creates the repository when it is missing and leaves an existing one alone (promotions made
 * in it are kept); --reset recreates it. The default path is .stageline/local-repo at the root
 * of this workspace (git-ignored). Uses the git command line, isolated from the machine's git
 * configuration; no network.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOUR = 3_600_000;

/** main, then develop ahead of it, then the preview's branch ahead of develop. */
const HISTORY = [
  {
    branch: 'main',
    commits: [
      [
        'Create the Macro AI API',
        {
          'README.md': '# Macro AI API\n',
          'src/server.ts': 'export const port = 8080;\n',
        },
      ],
      [
        'Add the completions endpoint',
        { 'src/completions.ts': 'export const route = "/v1/completions";\n' },
      ],
    ],
  },
  {
    branch: 'develop',
    commits: [
      [
        'Add a readiness probe to the API',
        { 'src/health.ts': 'export const readiness = "/health/ready";\n' },
      ],
      [
        'Cache the model list for an hour',
        { 'src/models.ts': 'export const modelListTtlSeconds = 3600;\n' },
      ],
      [
        'Retry completions that time out',
        { 'src/retry.ts': 'export const completionRetries = 2;\n' },
      ],
    ],
  },
  {
    branch: 'feature/streaming-responses',
    commits: [
      [
        'Stream completions as server-sent events',
        {
          'src/stream.ts': 'export const contentType = "text/event-stream";\n',
        },
      ],
    ],
  },
];

function parseArgs(argv) {
  const options = {
    path: join(ROOT, '.stageline', 'local-repo'),
    reset: false,
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reset') options.reset = true;
    else if (argv[i] === '--path' && argv[i + 1])
      options.path = resolve(argv[++i]);
    else {
      console.error(
        `local-repo: unknown argument ${argv[i]}; usage: node scripts/local-repo.mjs [--path <dir>] [--reset]`,
      );
      process.exit(2);
    }
  }
  return options;
}

/** git, isolated from the machine's configuration (no hooks, signing or templates of its own). */
function git(cwd, args, env = {}) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      LC_ALL: 'C',
      ...env,
    },
  }).trim();
}

const isRepository = path =>
  existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects'));

/** The example history in a scratch working tree; the commits dated over the last few days. */
function buildHistory(work) {
  git(work, ['init', '--quiet', '--initial-branch=main']);
  const count = HISTORY.reduce((n, { commits }) => n + commits.length, 0);
  let made = 0;
  for (const { branch, commits } of HISTORY) {
    if (branch !== 'main') git(work, ['switch', '--quiet', '--create', branch]);
    for (const [message, files] of commits) {
      for (const [name, content] of Object.entries(files)) {
        mkdirSync(dirname(join(work, name)), { recursive: true });
        writeFileSync(join(work, name), content);
      }
      git(work, ['add', '--all']);
      const date = new Date(
        Date.now() - (count - made++) * 7 * HOUR,
      ).toISOString();
      git(work, ['commit', '--quiet', '--no-verify', '-m', message], {
        GIT_AUTHOR_NAME: 'Ada Developer',
        GIT_AUTHOR_EMAIL: 'ada@macro-ai.example',
        GIT_COMMITTER_NAME: 'Ada Developer',
        GIT_COMMITTER_EMAIL: 'ada@macro-ai.example',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
    }
  }
  git(work, ['switch', '--quiet', 'main']);
}

function create(path) {
  mkdirSync(dirname(path), { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'stageline-local-repo-'));
  // built beside its final place and renamed into it, so no half-made repository is ever seen
  const staged = `${path}.creating-${process.pid}`;
  try {
    const work = join(scratch, 'work');
    mkdirSync(work);
    buildHistory(work);
    git(scratch, ['clone', '--quiet', '--bare', work, staged]);
    git(staged, ['remote', 'remove', 'origin']);
    renameSync(staged, path);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(staged, { recursive: true, force: true });
  }
}

function describe(path) {
  const main = git(path, ['rev-parse', '--short', 'refs/heads/main']);
  const ahead = git(path, [
    'rev-list',
    '--count',
    'refs/heads/main..refs/heads/develop',
  ]);
  return `main at ${main}, develop ${ahead} commit${
    ahead === '1' ? '' : 's'
  } ahead of it`;
}

const { path, reset } = parseArgs(process.argv.slice(2));
if (existsSync(path) && !isRepository(path)) {
  if (readdirSync(path).length > 0) {
    console.error(
      `local-repo: ${path} exists and is not a git repository; move it away first`,
    );
    process.exit(1);
  }
  rmSync(path, { recursive: true });
}
if (existsSync(path) && !reset) {
  console.log(
    `local-repo: ${path} exists (${describe(path)}); --reset recreates it`,
  );
} else {
  if (reset) rmSync(path, { recursive: true, force: true });
  create(path);
  console.log(`local-repo: created ${path} (${describe(path)})`);
}
