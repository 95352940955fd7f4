/** The mailer's address rule counts length as the schema's maxLength does (Ajv: code points). */
import { expect, it } from 'vitest';
import { ALERT_ADDRESS_MAX_LENGTH, isAlertAddress } from '../../server/alerts/alert-address.js';

it('counts an address’s length in code points, so one beyond the BMP that the API takes is sent to', () => {
  const longest = `a@${'😀'.repeat(ALERT_ADDRESS_MAX_LENGTH - 2)}`;
  expect(longest.length).toBeGreaterThan(ALERT_ADDRESS_MAX_LENGTH);
  expect(isAlertAddress(longest)).toBe(true);
  expect(isAlertAddress(`${longest}😀`)).toBe(false);
  expect(isAlertAddress('no-at-sign')).toBe(false);
});
