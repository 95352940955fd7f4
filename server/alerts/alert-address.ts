/**
 * Which addresses alerts are sent to: one rule for the routes' schemas and the mailer,
 * so an address the API accepts is one the mailer sends to.
 */

/** RFC 5321's limit on a forward path. */
export const ALERT_ADDRESS_MAX_LENGTH = 254;

/**
 * local@domain with no spaces, controls or characters that would need quoting in a
 * header (`<>()[],;:"\`), and no display name: an address is all the mailer takes.
 * Non-ASCII is allowed (internationalized domains and mailboxes).
 */
export const ALERT_ADDRESS_PATTERN =
  '^[^\\x00-\\x20\\x7f<>()\\[\\],;:"\\\\@]{1,64}@[^\\x00-\\x20\\x7f<>()\\[\\],;:"\\\\@.][^\\x00-\\x20\\x7f<>()\\[\\],;:"\\\\@]*$';

const addressPattern = new RegExp(ALERT_ADDRESS_PATTERN, 'u');

/**
 * Whether an alert may be sent to this address. The length is counted in code points, as
 * the schema's maxLength (Ajv) counts it, not in UTF-16 units.
 */
export function isAlertAddress(address: unknown): address is string {
  if (typeof address !== 'string' || !addressPattern.test(address)) return false;
  let codePoints = 0;
  for (const _ of address) if (++codePoints > ALERT_ADDRESS_MAX_LENGTH) return false;
  return true;
}
