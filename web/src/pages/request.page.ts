/** The requester's page (/request), loaded as its own chunk: the form and the two links it makes. */
import type { ApiClient } from '../lib/api.js';
import { locale } from '../locale.svelte.js';
import { RequestFlow } from './request.svelte.js';
import { loadSignInGate } from './sign-in-gate.js';

export { default as Page } from './RequestPage.svelte';

/** Starts the page's flow: it fetches the server's limits for the form. */
export function start(api: ApiClient, url: Location): RequestFlow {
  const flow = new RequestFlow(api, url.origin, () => locale.language);
  void flow.loadLimits();
  // A failed sign-in comes back as `?signin=…`, which the gate reports whatever the limits say.
  void loadSignInGate(undefined, url.search);
  return flow;
}
