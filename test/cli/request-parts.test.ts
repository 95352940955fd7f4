/** The small parts of request and answer: where content comes from, showing a note, the alert's language. */
import { describe, expect, it } from 'vitest';
import { contentSource } from '../../cli/content.js';
import type { CliEnv } from '../../cli/env.js';
import { CliError } from '../../cli/errors.js';
import { showNote } from '../../cli/note.js';
import { localeLanguage } from '../../cli/request.js';
import { Capture } from './harness.js';

describe('contentSource', () => {
  it('reads the text from stdin without FILE, or with "-" alone; else attaches the files', () => {
    expect(contentSource([], undefined)).toEqual({ stdinText: true, paths: [] });
    expect(contentSource(['-'], undefined)).toEqual({ stdinText: true, paths: [] });
    expect(contentSource([], 'note')).toEqual({ stdinText: false, paths: [] });
    expect(contentSource(['a', 'b'], undefined)).toEqual({ stdinText: false, paths: ['a', 'b'] });
    expect(contentSource(['a'], 'note')).toEqual({ stdinText: false, paths: ['a'] });
  });

  it('refuses "-" beside files or --text', () => {
    for (const [positionals, text] of [
      [['-', 'a'], undefined],
      [['-'], 'note'],
    ] as const) {
      expect(() => contentSource(positionals, text)).toThrow(CliError);
    }
  });
});

describe('showNote', () => {
  function shown(note: string): string {
    const stderr = new Capture();
    showNote({ stderr } as unknown as CliEnv, 'The request says:', note);
    return stderr.text;
  }

  it('indents every line and drops a final line end', () => {
    expect(shown('one\r\ntwo\n')).toBe('The request says:\n  one\n  two\n');
  });

  it('escapes controls and bidi overrides, and says how many', () => {
    expect(shown('a\x1b[2Jb\u202ec\rd')).toBe(
      'The request says:\n  a\\x1b[2Jb\\u202ec\\x0dd\n' +
        '(3 control characters are shown escaped, such as \\x1b for ESC.)\n',
    );
  });
});

describe('localeLanguage', () => {
  it('takes the language of LC_ALL, LC_MESSAGES or LANG, in that order, else English', () => {
    expect(localeLanguage({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(localeLanguage({ LANG: 'de_AT@euro' })).toBe('de');
    expect(localeLanguage({ LC_ALL: 'fr_FR', LANG: 'de_DE' })).toBe('fr');
    expect(localeLanguage({ LC_MESSAGES: 'nl', LANG: 'de_DE' })).toBe('nl');
    expect(localeLanguage({ LC_ALL: '', LANG: 'de' })).toBe('de');
    for (const none of ['C', 'C.UTF-8', 'POSIX', '', 'english']) expect(localeLanguage({ LANG: none })).toBe('en');
    expect(localeLanguage({})).toBe('en');
  });
});
