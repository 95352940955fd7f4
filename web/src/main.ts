/**
 * What every page does to start, called by its entry (./entries/): each page is built on
 * its own, with this frame and its page in one script (vite.config.ts).
 */
import { mount } from 'svelte';
import App from './App.svelte';
import { ApiClient } from './lib/api.js';
import { locale, type Catalogs } from './locale.svelte.js';
import { pageOf, type OpenPage, type PageName, type Route } from './routes.js';
import './app.css';

/**
 * Shows page `name` in the frame: `open` starts its flow, `catalogs` are its words and the
 * frame's, in every language. An address of another page (a built page opened under
 * another name) shows "not found".
 */
export async function startPage<Name extends PageName>(
  name: Name,
  open: OpenPage<Name>,
  catalogs: Catalogs,
): Promise<void> {
  const shown = pageOf(location);
  const route: Route =
    shown === 'insecure'
      ? { name: 'insecure', plainHttp: !window.isSecureContext && location.protocol === 'http:' }
      : shown === name
        ? open(new ApiClient(), location)
        : { name: 'not_found' };
  // The words before the first render, so the page never flashes in the wrong language.
  await locale.start(route.name === name ? name : 'nopage', catalogs);
  mount(App, { target: document.getElementById('app')!, props: { route } });

  // A link opened again in this tab differs from the address the page left (its key taken
  // out) only by the fragment, so the browser does not load it: it only says the hash
  // changed. Load it, as it would any other link, so that it shows what the link shows now.
  addEventListener('hashchange', () => {
    if (location.hash !== '') location.reload();
  });
}
