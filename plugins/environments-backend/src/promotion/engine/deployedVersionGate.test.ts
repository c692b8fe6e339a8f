import type { DeploymentSection } from '@stageline/plugin-environments-common';
import { staging as stagingEnvironment } from '../../__testUtils__/promotionFixtures';
import { deployedVersionGate } from './gates';

const HEAD = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
const deployed = (commit?: string): Promise<DeploymentSection> =>
  Promise.resolve({ status: 'ok', stackName: 'MacroAiStagingStack', commit });

describe('the deployed-version gate', () => {
  it('passes when the source runs the head of its branch, by full or short SHA', async () => {
    for (const commit of [HEAD, HEAD.slice(0, 7)]) {
      expect(
        await deployedVersionGate(stagingEnvironment, deployed(commit), HEAD),
      ).toEqual({
        id: 'deployed-version',
        status: 'passed',
        message: 'macro-ai-api-staging runs develop@1a2b3c4, what is promoted',
      });
    }
  });

  it('fails when the branch has moved past what the source runs, saying what to deploy', async () => {
    expect(
      await deployedVersionGate(
        stagingEnvironment,
        deployed('9f8e7d6c5b4a'),
        HEAD,
      ),
    ).toEqual({
      id: 'deployed-version',
      status: 'failed',
      message:
        'macro-ai-api-staging runs 9f8e7d6, but develop is at 1a2b3c4: deploy 1a2b3c4 to macro-ai-api-staging first, so that what is promoted has run there',
    });
  });

  it('is skipped where the deployed commit or the branch head is not known', async () => {
    expect(
      (await deployedVersionGate(stagingEnvironment, deployed(), HEAD)).status,
    ).toBe('skipped');
    expect(
      (await deployedVersionGate(stagingEnvironment, undefined, HEAD)).status,
    ).toBe('skipped');
    expect(
      (
        await deployedVersionGate(
          stagingEnvironment,
          Promise.reject(new Error('AccessDenied')),
          HEAD,
        )
      ).status,
    ).toBe('skipped');
    expect(
      await deployedVersionGate(stagingEnvironment, deployed(HEAD), undefined),
    ).toMatchObject({
      status: 'skipped',
      message:
        'Deployed version not compared: the head of develop is not known',
    });
  });
});
