/** The sender's page, loaded as its own chunk: the form and what follows it. */
import type { ApiClient } from '../lib/api.js';
import { locale } from '../locale.svelte.js';
import { CreateFlow } from './create.svelte.js';

export { default as Page } from './CreatePage.svelte';

/** Starts the page's flow: it fetches the server's limits for the form. */
export function start(api: ApiClient, url: Location): CreateFlow {
  const flow = new CreateFlow(api, url.origin, () => locale.language);
  void flow.loadLimits();
  return flow;
}
