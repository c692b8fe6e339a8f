import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type {
  CostEstimate,
  CostEstimateInput,
  CostEstimator,
  TemplatePricingInput,
} from '../CostEstimator';
import type { PriceSource } from '../StagelineCostEstimator';
import type { EstimateJob, FromWorker, ToWorker } from './protocol';

/** How long an idle worker is kept (a worker holds the CDK library in memory). */
const IDLE_MS = 60_000;

/**
 * Loads the worker's entry; from TypeScript sources (tests, the benchmark) through sucrase when
 * nothing in the thread handles `.ts` yet (a worker inherits the process's `--require` hooks,
 * e.g. `backstage-cli package start`'s, but not jest's).
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts') && !require.extensions['.ts']) {
  require(workerData.typescript);
}
require(workerData.entry);
`;

/**
 * The worker's entry file, the package's `./cost-estimate-worker` export: the TypeScript source
 * where the package runs from source (the workspace, tests, the benchmark), the built file in a
 * published package; undefined only where neither can be found.
 */
export function estimateWorkerEntry(): string | undefined {
  const source = resolvePackagePath(
    '@stageline/plugin-environments-backend',
    'src/cost/worker/estimateWorker.ts',
  );
  if (existsSync(source)) return source;
  try {
    return require.resolve(
      '@stageline/plugin-environments-backend/cost-estimate-worker',
    );
  } catch {
    return undefined;
  }
}

/** Workers for a machine: every core but one, which stays with the event loop. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

function typescriptRegister(): string | undefined {
  try {
    return require.resolve('sucrase/register/ts');
  } catch {
    return undefined;
  }
}

interface Task {
  message: Extract<ToWorker, { type: 'estimate' }>;
  resolve: (estimate: CostEstimate) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  idle?: ReturnType<typeof setTimeout>;
}

/**
 * Cost estimates (CDK synthesis, then pricing; or pricing a deployed template) in worker threads, so the CPU they take
 * (0.1–1.5 s a stack) never holds up the event loop: up to `size` at once, each in a worker of
 * its own, the rest queued. Prices the bundled table lacks are resolved on the main thread
 * (`prices`, e.g. the Price List store) when a worker asks. Workers start when needed, stop
 * after a minute idle, and a worker that dies fails only its own estimate and is replaced.
 */
export class EstimateWorkerPool implements CostEstimator {
  readonly concurrency: number;
  readonly #queue: Task[] = [];
  readonly #slots: Slot[] = [];
  readonly #typescript = typescriptRegister();
  #ids = 0;

  constructor(
    private readonly options: {
      entry: string;
      size: number;
      rate?: number;
      prices?: PriceSource;
      idleMs?: number;
    },
  ) {
    this.concurrency = options.size;
  }

  estimate(input: CostEstimateInput): Promise<CostEstimate> {
    return this.#submit({ kind: 'profile', input });
  }

  estimateTemplate(
    template: string | object,
    input: TemplatePricingInput,
  ): Promise<CostEstimate> {
    return this.#submit({ kind: 'template', template, input });
  }

  #submit(job: EstimateJob): Promise<CostEstimate> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        message: {
          type: 'estimate',
          id: ++this.#ids,
          job,
          rate: this.options.rate,
          withPrices: Boolean(this.options.prices),
        },
        resolve,
        reject,
      });
      this.#dispatch();
    });
  }

  /** Stops every worker; queued estimates fail. */
  async close(): Promise<void> {
    for (const task of this.#queue.splice(0)) {
      task.reject(new Error('the cost estimate workers were stopped'));
    }
    await Promise.all(
      this.#slots.splice(0).map(slot => slot.worker.terminate()),
    );
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = this.#slots.find(s => !s.task);
      if (!slot) {
        if (this.#slots.length >= this.options.size) return;
        slot = this.#spawn();
      }
      const task = this.#queue.shift()!;
      clearTimeout(slot.idle);
      slot.task = task;
      slot.worker.postMessage(task.message);
    }
  }

  #spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        entry: this.options.entry,
        typescript: this.#typescript,
      },
    });
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (message: FromWorker) => this.#receive(slot, message));
    worker.on('error', error => this.#lost(slot, error as Error));
    worker.on('exit', code =>
      this.#lost(
        slot,
        new Error(`the cost estimate worker stopped (exit code ${code})`),
      ),
    );
    this.#slots.push(slot);
    return slot;
  }

  async #receive(slot: Slot, message: FromWorker): Promise<void> {
    const task = slot.task;
    if (!task || message.id !== task.message.id) return;
    if (message.type === 'prices') {
      const { id, request } = message;
      try {
        const resolved = await this.options.prices!.resolve(
          message.rows,
          message.region,
        );
        slot.worker.postMessage({ type: 'prices', id, request, resolved });
      } catch (error) {
        slot.worker.postMessage({
          type: 'prices',
          id,
          request,
          error: (error as Error).message,
        });
      }
      return;
    }
    slot.task = undefined;
    if (message.type === 'done') task.resolve(message.estimate);
    else task.reject(new Error(message.message));
    slot.idle = setTimeout(() => {
      if (!slot.task) {
        this.#remove(slot);
        slot.worker.terminate();
      }
    }, this.options.idleMs ?? IDLE_MS);
    slot.idle.unref();
    this.#dispatch();
  }

  #lost(slot: Slot, error: Error): void {
    this.#remove(slot);
    clearTimeout(slot.idle);
    const task = slot.task;
    slot.task = undefined;
    task?.reject(error);
    this.#dispatch();
  }

  #remove(slot: Slot): void {
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
  }
}
