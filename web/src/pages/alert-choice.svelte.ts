/** The "email me when…" option of the forms: whether it is wanted and the address, checked as typed. */
import type { AlertRequest } from '../lib/api.js';

// As the server's rule: local@domain, nothing that would need quoting, no display name.
const ADDRESS = /^[^\s<>()[\],;:"\\@]{1,64}@[^\s<>()[\],;:"\\@.][^\s<>()[\],;:"\\@]*$/u;

export class AlertChoice {
  wanted = $state(false);
  email = $state('');
  readonly invalid = $derived(this.wanted && (this.email.length > 254 || !ADDRESS.test(this.email.trim())));

  /** What to send the server, in the person's language; nothing unless wanted. */
  request(language: string): AlertRequest | undefined {
    return this.wanted ? { email: this.email.trim(), language } : undefined;
  }

  reset(): void {
    this.wanted = false;
    this.email = '';
  }
}
