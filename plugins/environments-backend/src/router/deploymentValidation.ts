import { z } from 'zod';
import {
  DEPLOYMENT_ACTIONS,
  DEPLOYMENT_MODES,
} from '@stageline/plugin-environments-common';

/** CloudFormation's largest template (from S3), in bytes: a snapshot's template is no bigger. */
export const TEMPLATE_SIZE_LIMIT = 1_048_576;

const sha = z
  .string()
  .regex(/^[0-9a-f]{7,64}$/, 'must be a commit SHA (hex), e.g. 1a2b3c4');
const isoDate = z.iso.datetime({ message: 'must be an ISO 8601 time' });

const snapshotSchema = z
  .object({
    manifestVersion: z.string().min(1).max(32),
    artifactId: z.string().min(1).max(256),
    environment: z
      .string()
      .regex(/^aws:\/\/[^/]+\/[^/]+$/, 'must be aws://account/region'),
    properties: z.record(z.string(), z.unknown()),
    template: z
      .record(z.string(), z.unknown())
      .refine(
        template => JSON.stringify(template).length <= TEMPLATE_SIZE_LIMIT,
        `must be at most ${TEMPLATE_SIZE_LIMIT} bytes, CloudFormation's largest template`,
      ),
    tags: z.record(z.string(), z.string().max(256)),
  })
  .strict();

/** Body of `POST /environments/:namespace/:name/deployments` (the scaffolder actions record). */
export const deploymentBodySchema = z
  .object({
    action: z.enum(DEPLOYMENT_ACTIONS),
    mode: z.enum(DEPLOYMENT_MODES),
    actor: z.string().min(1).max(256),
    result: z.enum(['succeeded', 'failed']),
    stackName: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9-]{0,127}$/,
        'must be a CloudFormation stack name',
      ),
    stackStatus: z.string().max(64).optional(),
    commit: sha.optional(),
    runId: z.number().int().positive().optional(),
    runUrl: z.url().max(2048).optional(),
    templateHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex')
      .optional(),
    restores: z.uuid().optional(),
    taskId: z.string().min(1).max(64).optional(),
    message: z.string().min(1).max(4000),
    snapshot: snapshotSchema.optional(),
    createdAt: isoDate.optional(),
    finishedAt: isoDate.optional(),
  })
  .strict();

/** Query of `GET /environments/:namespace/:name/deployments`. */
export const deploymentsQuerySchema = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number from 1 to 200')
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, 'must be a whole number from 1 to 200')
          .max(200, 'must be a whole number from 1 to 200'),
      )
      .optional(),
  })
  .strict();

/** Path of one deployment. */
export const deploymentIdSchema = z.object({
  id: z.uuid({ message: 'must be a deployment id' }),
});
