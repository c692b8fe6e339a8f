import { estimateMonthlyCost } from '../estimate/estimateMonthlyCost';
import {
  CostEstimate,
  CostLine,
  EstimateOptions,
  UnpricedResource,
} from '../types';

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Condition?: string }
>;

/**
 * Estimates a template of one resource, `Subject`, plus `others`, in USD without a schedule
 * unless `options` say otherwise.
 *
 * @internal
 */
export function estimateSubject(
  type: string,
  properties: Record<string, unknown> = {},
  options: Partial<EstimateOptions> = {},
  others: Resources = {},
): { line?: CostLine; unpriced: UnpricedResource[]; estimate: CostEstimate } {
  const estimate = estimateMonthlyCost(
    {
      Resources: { Subject: { Type: type, Properties: properties }, ...others },
    },
    { region: 'eu-west-2', ...options },
  );
  return {
    line: estimate.lines.find(line => line.logicalId === 'Subject'),
    unpriced: estimate.unpriced.filter(item => item.logicalId === 'Subject'),
    estimate,
  };
}
