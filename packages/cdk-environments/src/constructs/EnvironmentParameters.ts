import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { parameterPath } from '../naming';
import { EnvironmentContext } from './EnvironmentContext';

/**
 * Props of {@link EnvironmentParameters}.
 *
 * @public
 */
export interface EnvironmentParametersProps {
  /** The environment. */
  readonly context: EnvironmentContext;
  /** Parameter names (kebab-case) and values to publish under `/{app}/{key}/standard/`. */
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Standard-tier (free) String parameters the stack publishes for scripts and the service:
 * `/{app}/{key}/standard/{name}`. Critical values (SecureString) are never created here:
 * CloudFormation cannot create SecureStrings; they are set out of band.
 *
 * @public
 */
export class EnvironmentParameters extends Construct {
  /** The parameters by name. */
  readonly parameters: Record<string, ssm.StringParameter> = {};

  constructor(scope: Construct, id: string, props: EnvironmentParametersProps) {
    super(scope, id);
    const { context } = props;
    for (const [name, value] of Object.entries(props.values)) {
      const parameter = new ssm.StringParameter(this, name, {
        parameterName: parameterPath(
          context.appName,
          context.key,
          'standard',
          name,
        ),
        stringValue: value,
        tier: ssm.ParameterTier.STANDARD,
      });
      parameter.applyRemovalPolicy(context.removalPolicy);
      this.parameters[name] = parameter;
    }
  }
}
