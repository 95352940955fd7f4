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

/** Whether an alert may be sent to this address. */
export function isAlertAddress(address: unknown): address is string {
  return typeof address === 'string' && address.length <= ALERT_ADDRESS_MAX_LENGTH && addressPattern.test(address);
}
