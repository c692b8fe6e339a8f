import { formatQuantity, formatUnitPrice, roundCents } from '../format';
import { ComponentSpec, PricerResult } from '../pricers/types';
import { ResolvedResource } from '../template/resolveTemplate';
import { CostComponent, CostLine } from '../types';

function toComponent(spec: ComponentSpec, hours: number): CostComponent {
  const { quote } = spec;
  const monthlyUsd = spec.quantity * quote.usd * (spec.hourly ? hours : 1);
  return {
    description: spec.description,
    quantity: spec.quantity,
    unit: quote.unit,
    unitPriceUsd: quote.usd,
    ...(spec.hourly ? { hours } : {}),
    monthlyUsd: Math.round(monthlyUsd * 1e4) / 1e4,
    estimate: quote.quality === 'unconfirmed',
    priceSource: `${quote.label} (${quote.source})`,
  };
}

/** `3 vCPU (...) × 730 h × $0.04656/vCPU-h` or `100 GB-mo gp3 storage × $0.133/GB-mo`. */
function describe(component: CostComponent): string {
  const hours =
    component.hours === undefined
      ? ''
      : ` × ${formatQuantity(component.hours)} h`;
  return `${formatQuantity(component.quantity)} ${
    component.description
  }${hours} × ${formatUnitPrice(component.unitPriceUsd)}/${component.unit}`;
}

/**
 * The line of one resource from its pricer's result, or `undefined` when nothing of it could
 * be priced. Hourly components are billed for `hours`.
 *
 * @internal
 */
export function buildLine(
  resource: ResolvedResource,
  result: PricerResult,
  hours: number,
  exchangeRate: number,
): CostLine | undefined {
  const base = { logicalId: resource.logicalId, type: resource.type };
  if (result.freeBasis !== undefined) {
    return {
      ...base,
      monthly: 0,
      monthlyUsd: 0,
      basis: result.freeBasis,
      components: [],
      estimate: false,
    };
  }
  if (result.components.length === 0) return undefined;
  const components = result.components.map(spec => toComponent(spec, hours));
  const usd = result.components.reduce(
    (sum, spec) =>
      sum + spec.quantity * spec.quote.usd * (spec.hourly ? hours : 1),
    0,
  );
  const estimate = components.some(component => component.estimate);
  return {
    ...base,
    monthly: roundCents(usd * exchangeRate),
    monthlyUsd: roundCents(usd),
    basis:
      components.map(describe).join(' + ') +
      (estimate ? ' (estimate: a price is unconfirmed)' : ''),
    components,
    estimate,
  };
}

/**
 * USD a month that running only `hours` instead of `fullHours` saves on the hourly components.
 *
 * @internal
 */
export function hourlySavingUsd(
  result: PricerResult,
  hours: number,
  fullHours: number,
): number {
  return result.components
    .filter(spec => spec.hourly)
    .reduce(
      (sum, spec) => sum + spec.quantity * spec.quote.usd * (fullHours - hours),
      0,
    );
}
