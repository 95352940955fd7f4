/** The sender's page, loaded as its own chunk: the form and what follows it. */
import type { ApiClient } from '../lib/api.js';
import { locale } from '../locale.svelte.js';
import { CreateFlow } from './create.svelte.js';
import { loadSignInGate } from './sign-in-gate.js';

export { default as Page } from './CreatePage.svelte';

/** Starts the page's flow: it fetches the server's limits for the form. */
export function start(api: ApiClient, url: Location): CreateFlow {
  const flow = new CreateFlow(api, url.origin, () => locale.language);
  void flow.loadLimits();
  // A failed sign-in comes back as `?signin=…`, which the gate reports whatever the limits say.
  void loadSignInGate(undefined, url.search);
  return flow;
}
