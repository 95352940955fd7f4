import { mount } from 'svelte';
import App from './App.svelte';
import { locale } from './locale.svelte.js';
import { pageOf, route } from './routes.js';
import './app.css';

// The catalog and the page's chunk together, so the page never flashes in the wrong language.
const [page] = await Promise.all([route(location), locale.start(pageOf(location))]);
mount(App, { target: document.getElementById('app')!, props: { route: page } });

// A link opened again in this tab differs from the address the page left (its key taken
// out) only by the fragment, so the browser does not load it: it only says the hash
// changed. Load it, as it would any other link, so that it shows what the link shows now.
addEventListener('hashchange', () => {
  if (location.hash !== '') location.reload();
});
