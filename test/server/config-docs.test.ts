/** The README's table and the compose file name exactly the variables the server reads. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ConfigSchema } from '../../server/config.js';

const names = Object.values(ConfigSchema.properties).map((schema) => (schema as unknown as { env: string }).env);

it('documents every variable in the README and names no other', () => {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## API'));
  const documented = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, cell]) =>
    [...cell!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map(([, name]) => name!),
  );
  expect(new Set(documented)).toEqual(new Set(names));
});

it('sets only variables the server reads in compose.yaml, commented ones included', () => {
  const compose = readFileSync('compose.yaml', 'utf8');
  const burnlink = compose.slice(compose.indexOf('  burnlink:'), compose.indexOf('\n  redis:'));
  const set = [...burnlink.matchAll(/^\s+#?\s*([A-Z][A-Z0-9_]+):/gm)].map(([, name]) => name!);
  expect(set.length).toBeGreaterThan(0);
  for (const name of set) expect(names).toContain(name);
});
