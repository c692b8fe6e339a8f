/*
 * The ${{ values.name }} CDK app. One run synthesizes one environment:
 *
 *   CDK_DEPLOY_ENV    staging | production | preview (with CDK_PREVIEW_ID, the pull request number)
 *   CDK_DEPLOY_SCALE  hobby | enhanced-hobby | enterprise
 *
 * giving the stack ${{ values.stagingStack }}, ${{ values.productionStack }} or a preview stack.
 * The region is fixed here so every environment lands where its Environment entity says.
 */
import { createApp } from '@stageline/cdk-environments';

const { app } = createApp({
  ...process.env,
  CDK_APP_NAME: '${{ values.name }}',
  CDK_DEFAULT_REGION: '${{ values.region }}',
});

app.synth();
