import { mount } from 'svelte';
import App from './App.svelte';
import { locale } from './locale.svelte.js';
import { pageOf, route } from './routes.js';
import './app.css';

// The catalog and the page's chunk together, so the page never flashes in the wrong language.
const [page] = await Promise.all([route(location), locale.start(pageOf(location))]);
mount(App, { target: document.getElementById('app')!, props: { route: page } });
