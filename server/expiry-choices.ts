/** The expiries the page offers a sender (GET /api/limits, `expiryChoices`). */
import { parseExpiryChoices, type Config } from './config.js';

/** 5 minutes, 1 hour, 1 day, 7 days, 30 days. */
const STANDARD = [300, 3_600, 86_400, 604_800, 2_592_000];

/**
 * EXPIRY_CHOICES when set (config.ts has checked they lie within the bounds and include
 * the default); otherwise the standard choices the bounds allow, plus the default, the
 * shortest and the longest. In seconds, ascending.
 */
export function offeredExpiries(
  config: Pick<Config, 'expiryChoices' | 'minExpiresIn' | 'maxExpiresIn' | 'defaultExpiresIn'>,
): number[] {
  const configured = parseExpiryChoices(config.expiryChoices);
  if (configured) return configured;
  const { minExpiresIn: min, maxExpiresIn: max, defaultExpiresIn } = config;
  const inside = STANDARD.filter((seconds) => seconds >= min && seconds <= max);
  return [...new Set([min, ...inside, defaultExpiresIn, max])].sort((a, b) => a - b);
}
