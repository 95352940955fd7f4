/**
 * The clients' API types (web/src/lib/api-types.ts) are exactly what the generator makes
 * of the server's OpenAPI document now: a schema changed on the server without
 * `npm run api-types` fails here, and a field renamed fails the clients' type check once
 * the file is regenerated.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypes } from '../api-types/generate.js';

it('api-types.ts is what `npm run api-types` generates from the current schemas', async () => {
  expect(readFileSync(API_TYPES_FILE, 'utf8'), 'run `npm run api-types`').toBe(await apiTypes());
});
