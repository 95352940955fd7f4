/** The responder's page (/q/ID), loaded as its own chunk. */
import type { ApiClient } from '../lib/api.js';
import { AnswerFlow } from './answer.svelte.js';
import { takeFragment } from './fragment.js';

export { default as Page } from './AnswerPage.svelte';

/** Starts the page's flow (key out of the address bar first): it reads the request, which changes nothing. */
export function start(api: ApiClient, url: Location): AnswerFlow {
  const flow = new AnswerFlow(api, { pathname: url.pathname, ...takeFragment(url) });
  void flow.load();
  return flow;
}
