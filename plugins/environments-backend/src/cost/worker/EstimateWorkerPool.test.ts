import { STAGING_TEMPLATE } from '../../__testUtils__/fixtures';
import { createStagelineCostEstimator } from '../StagelineCostEstimator';
import { EstimateWorkerPool, estimateWorkerEntry } from './EstimateWorkerPool';

const staging = {
  appName: 'macro-ai',
  stage: 'staging' as const,
  scale: 'hobby' as const,
  region: 'eu-west-2',
  currency: 'GBP' as const,
};

describe('EstimateWorkerPool', () => {
  let pool: EstimateWorkerPool | undefined;
  afterEach(() => pool?.close());

  it('synthesizes and prices in worker threads, as the estimator does on the main thread', async () => {
    const entry = estimateWorkerEntry();
    expect(entry).toMatch(/estimateWorker\.ts$/);
    pool = new EstimateWorkerPool({ entry: entry!, size: 2 });
    const inputs = [
      staging,
      {
        ...staging,
        stage: 'production' as const,
        scale: 'enterprise' as const,
      },
    ];
    const [inWorkers, onMainThread] = await Promise.all([
      Promise.all(inputs.map(input => pool!.estimate(input))),
      Promise.all(
        inputs.map(input => createStagelineCostEstimator({}).estimate(input)),
      ),
    ]);
    expect(inWorkers).toEqual(onMainThread);
    expect(inWorkers[1].monthly).toBeGreaterThan(inWorkers[0].monthly);
  }, 60_000);

  it('prices a given (deployed) template with its parameter values in a worker, as on the main thread', async () => {
    pool = new EstimateWorkerPool({ entry: estimateWorkerEntry()!, size: 1 });
    const pricing = {
      region: 'eu-west-2',
      currency: 'GBP' as const,
      parameters: { MemorySize: '1024' },
    };
    const [inWorker, onMainThread] = await Promise.all([
      pool.estimateTemplate(STAGING_TEMPLATE, pricing),
      createStagelineCostEstimator({}).estimateTemplate(
        STAGING_TEMPLATE,
        pricing,
      ),
    ]);
    expect(inWorker).toEqual(onMainThread);
    expect(
      inWorker.lines.find(l => l.logicalId === 'ApiFunction')?.basis,
    ).toContain('1,024 MB');
  }, 60_000);

  it('asks the main thread for prices the bundled table lacks', async () => {
    const resolve = jest.fn(async () => ({
      overlay: new Map(),
      problems: ['AWS Price List API unavailable (test): rows stay unpriced'],
    }));
    pool = new EstimateWorkerPool({
      entry: estimateWorkerEntry()!,
      size: 1,
      prices: { resolve },
    });
    // not one of the bundled table's six regions
    const estimate = await pool.estimate({ ...staging, region: 'ap-south-2' });
    expect(resolve).toHaveBeenCalledWith(expect.any(Array), 'ap-south-2');
    expect(estimate.assumptions).toContain(
      'AWS Price List API unavailable (test): rows stay unpriced',
    );
  }, 60_000);

  it('fails only the estimate that fails, and goes on with the next', async () => {
    pool = new EstimateWorkerPool({ entry: estimateWorkerEntry()!, size: 1 });
    await expect(
      pool.estimate({ ...staging, scale: 'huge' as any }),
    ).rejects.toThrow(/huge/);
    await expect(pool.estimate(staging)).resolves.toMatchObject({
      monthly: expect.any(Number),
    });
  }, 60_000);
});
