/** The create page's result (the link, its message, its status link): fetched with its words when the sender creates. */
import { locale } from '../locale.svelte.js';
import { LazyPart } from './lazy.svelte.js';

export const createdView = new LazyPart(async () => {
  const [view] = await Promise.all([import('./CreatedView.svelte'), locale.add('created')]);
  return view.default;
});
