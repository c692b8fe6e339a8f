/*
 * A cost-estimate worker thread: synthesizes and prices environment stacks, or prices a given
 * (deployed) template (`createStagelineCostEstimator`), off the backend's event loop. Prices the bundled table lacks
 * are asked of the main thread, which holds the Price List store and the AWS clients.
 */
import { parentPort } from 'node:worker_threads';
import type { PriceRow } from '@stageline/cost-model';
import type { ResolvedPrices } from '../PriceListPricing';
import { createStagelineCostEstimator } from '../StagelineCostEstimator';
import type { FromWorker, ToWorker } from './protocol';

if (!parentPort) {
  throw new Error(
    '@stageline/plugin-environments-backend/cost-estimate-worker runs only as a worker thread of the cost estimate pool',
  );
}
const port = parentPort;
const pending = new Map<
  string,
  { resolve: (prices: ResolvedPrices) => void; reject: (e: Error) => void }
>();
let requests = 0;

const send = (message: FromWorker) => port.postMessage(message);

function askPrices(
  id: number,
  rows: readonly PriceRow[],
  region: string,
): Promise<ResolvedPrices> {
  const request = ++requests;
  return new Promise((resolve, reject) => {
    pending.set(`${id}:${request}`, { resolve, reject });
    send({ type: 'prices', id, request, rows: [...rows], region });
  });
}

port.on('message', async (message: ToWorker) => {
  if (message.type === 'prices') {
    const key = `${message.id}:${message.request}`;
    const waiting = pending.get(key);
    pending.delete(key);
    if (message.resolved) waiting?.resolve(message.resolved);
    else waiting?.reject(new Error(message.error));
    return;
  }
  const { id, job, rate, withPrices } = message;
  try {
    const estimator = createStagelineCostEstimator({
      rate,
      prices: withPrices
        ? { resolve: (rows, region) => askPrices(id, rows, region) }
        : undefined,
    });
    const estimate =
      job.kind === 'profile'
        ? await estimator.estimate(job.input)
        : await estimator.estimateTemplate(job.template, job.input);
    send({ type: 'done', id, estimate });
  } catch (error) {
    send({
      type: 'failed',
      id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
