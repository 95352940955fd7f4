/** The request page's result (the request link to send, the inbox link to keep): fetched when the requester creates. */
import { LazyPart } from './lazy.svelte.js';

export const requestCreatedView = new LazyPart(async () => (await import('./RequestCreatedView.svelte')).default);
