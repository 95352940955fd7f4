/**
 * Each address is sent its page's HTML by the server (server/plugins/static.ts), and the
 * page then decides what to show by its own table (web/src/routes.ts): the two must name the
 * same pages for the same addresses, or a link would open a page that says "not found".
 */
import { describe, expect, it } from 'vitest';
import { PAGE_ROUTES } from '../../server/plugins/static.js';
import { PAGE_NAMES, PAGE_PATHS, pageOfPath } from '../../web/src/routes.js';

const ID = 'V1StGXR8_Z5jdHi6B-myT';

describe('the server’s pages and the page’s routes', () => {
  it('name the same pages, each at the same addresses', () => {
    expect(Object.keys(PAGE_ROUTES).sort()).toEqual([...PAGE_NAMES].sort());
    for (const name of PAGE_NAMES) expect(PAGE_ROUTES[name], name).toEqual([PAGE_PATHS[name]]);
  });

  it('shows each page at the addresses the server sends it for', () => {
    for (const [name, paths] of Object.entries(PAGE_ROUTES)) {
      for (const path of paths) {
        const examples = path.endsWith('*')
          ? [path.slice(0, -1), path.replace('*', ID), path.replace('*', `${ID}/x`)]
          : [path];
        for (const example of examples) expect(pageOfPath(example), example).toBe(name);
      }
    }
  });

  it('shows no page where the server sends none', () => {
    for (const path of ['/nope', '/s', '/requests', '/request/', '/index.html', '/create.html', '/assets/x.js']) {
      expect(pageOfPath(path), path).toBe('not_found');
    }
  });
});
