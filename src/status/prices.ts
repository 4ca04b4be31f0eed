import { DEFAULT_PRICE_PER_MILLION, readAwsSettingsFromEnvironment } from '../engines/aws/settings.js';
import type { CostEstimate } from './types.js';

/** Amazon Translate's list prices, standard and ACT, with the same `AMTS_AWS_PRICE_*` overrides the engines read. */
export function statusPrices(env: NodeJS.ProcessEnv = process.env): CostEstimate {
  try {
    return readAwsSettingsFromEnvironment(env).pricePerMillion ?? DEFAULT_PRICE_PER_MILLION;
  } catch {
    // A bad variable is the engine's to report; the estimate uses the list price.
    return DEFAULT_PRICE_PER_MILLION;
  }
}
