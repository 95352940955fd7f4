/** The inbox page's entry: vite.config.ts builds it on its own, the frame and the page in one script. */
import { startPage } from '../main.js';
import { Page, start } from '../pages/inbox.page.js';

// Each language's words (the frame's, this page's, the notices shown in place of a page),
// fetched in the reader's language only.
await startPage(
  'inbox',
  (api, url) => ({ name: 'inbox', Page, flow: start(api, url) }),
  import.meta.glob('../i18n/*/{frame,nopage,inbox}.ts', { import: 'default' }),
);
