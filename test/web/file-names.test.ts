import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../web/src/lib/file-names.js';

/** The page and the CLI both use this rule: a name received is offered or saved as this. */
describe('safeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['C:\\Users\\me\\evil.exe', 'evil.exe'],
    ['/abs/path/key.pem', 'key.pem'],
    ['.bashrc', 'bashrc'],
    ['..', 'file'],
    ['...', 'file'],
    ['dir/', 'file'],
    ['', 'file'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['invoice\u202Efdp.exe', 'invoice_fdp.exe'],
    ['a\u2066b\u2069c', 'a_b_c'],
    ['zero\u200Bwidth\u200F.txt', 'zero_width_.txt'],
    ['line\nbreak\u0000.txt', 'line_break_.txt'],
    ['a\x1b[31mb.txt', 'a_[31mb.txt'],
    ['ÅÉ 日本.txt', 'ÅÉ 日本.txt'],
    ['ключ.txt', 'ключ.txt'],
  ])('reduces %j to %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('never returns a path, a hidden or empty name, or a disguising character, and never grows', () => {
    const utf8 = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const safe = safeFileName(name);
        expect(safe).not.toMatch(/[\\/\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u);
        expect(safe).not.toMatch(/^[\s.]|[\s.]$/u);
        expect(safe.length).toBeGreaterThan(0);
        if (safe !== 'file') expect(utf8.encode(safe).length).toBeLessThanOrEqual(utf8.encode(name).length);
        expect(safeFileName(safe), 'applying it twice changes nothing').toBe(safe);
      }),
    );
  });
});
