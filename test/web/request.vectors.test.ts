/**
 * The request and sealed-answer vectors, both ways: the files on disk are exactly what
 * the generator makes, each vector derives its keys, opens (or fails with its own
 * error code) and, on success, seals again to the same bytes. The browser test runs the
 * same function (test/vectors/request-check.ts) in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vectorFile, vectorFileName } from '../vectors/generate.js';
import { buildRequestVectors, REQUEST_VECTOR_DIR } from '../vectors/generate-requests.js';
import { expectVectorResult, readRequestVectors } from '../vectors/request-check-expect.js';
import { runRequestVector } from '../vectors/request-check.js';

const vectors = readRequestVectors();

describe('request and sealed-answer test vectors', () => {
  it('are exactly what the generator produces', async () => {
    const fresh = await buildRequestVectors();
    const files = readdirSync(REQUEST_VECTOR_DIR).sort();
    expect(files).toEqual(fresh.map(vectorFileName));
    fresh.forEach((vector, i) =>
      expect(readFileSync(join(REQUEST_VECTOR_DIR, files[i]!), 'utf8')).toBe(vectorFile(vector)),
    );
  });

  it('cover every kind of outcome for both envelopes', () => {
    for (const kind of ['request', 'sealed'] as const) {
      const outcomes = new Set(vectors.filter((v) => v.kind === kind).map((v) => v.expect));
      expect(outcomes).toEqual(new Set(['success', 'malformed', 'wrong key', 'tampered']));
    }
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    expectVectorResult(v, await runRequestVector(v));
  });
});
