import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';
import type { AwsAccess } from '@stageline/plugin-environments-node';

/** Where a stack is: its name, region and account (`stackOf` of an Environment). */
export type StackLocation = {
  stackName: string;
  region?: string;
  accountId?: string;
};

/**
 * Reads stacks with the AWS integration's credentials: one CloudFormation client per account and
 * region, built on first use and kept (credentials differ by account).
 */
export class StackReader {
  readonly #clients = new Map<string, Promise<CloudFormationClient>>();

  constructor(private readonly aws: AwsAccess) {}

  client(location: StackLocation): Promise<CloudFormationClient> {
    const key = `${location.accountId ?? ''}/${location.region ?? ''}`;
    let client = this.#clients.get(key);
    if (!client) {
      client = this.aws
        .clientConfig({
          accountId: location.accountId,
          region: location.region,
        })
        .then(config => new CloudFormationClient(config));
      client.catch(() => this.#clients.delete(key));
      this.#clients.set(key, client);
    }
    return client;
  }

  /** The stack, or undefined when there is none (CloudFormation's "does not exist"). */
  async describe(
    location: StackLocation,
    signal?: AbortSignal,
  ): Promise<Stack | undefined> {
    const client = await this.client(location);
    try {
      const { Stacks } = await client.send(
        new DescribeStacksCommand({ StackName: location.stackName }),
        { abortSignal: signal },
      );
      const stack = Stacks?.[0];
      return stack?.StackStatus === 'DELETE_COMPLETE' ? undefined : stack;
    } catch (error) {
      if (/does not exist/i.test((error as Error).message)) return undefined;
      throw error;
    }
  }

  /**
   * The deployed template's body: `Original` as it was submitted, `Processed` after its
   * transforms (SAM and the like; the same as `Original` without any).
   */
  async template(
    location: StackLocation & { stackId?: string },
    stage: 'Original' | 'Processed',
    signal?: AbortSignal,
  ): Promise<string> {
    const client = await this.client(location);
    const { TemplateBody } = await client.send(
      new GetTemplateCommand({
        StackName: location.stackId ?? location.stackName,
        TemplateStage: stage,
      }),
      { abortSignal: signal },
    );
    return TemplateBody ?? '';
  }
}
