/** The expiry choices a sender is offered, from the server's bounds (GET /api/limits). */
import type { Limits } from './lib/api.js';

const STANDARD = [300, 3_600, 86_400, 604_800, 2_592_000];

/**
 * The usual choices (5 minutes, 1 hour, 1 day, 7 days, 30 days) that the server
 * allows, plus its default, its shortest and its longest, in seconds, ascending.
 */
export function expiryChoices(bounds: Limits['expiresIn']): number[] {
  const inside = STANDARD.filter((seconds) => seconds >= bounds.min && seconds <= bounds.max);
  return [...new Set([bounds.min, ...inside, bounds.default, bounds.max])].sort((a, b) => a - b);
}
