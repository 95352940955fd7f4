/**
 * The message catalogs, one folder per language (adding a language is adding a
 * folder). Each holds `frame.ts`, what every page shows, and one catalog per page,
 * named after the page (`create.ts` for the create page, …), which the page loads with
 * its own script: a recipient downloads the words of the page in front of them, not
 * every page's. A view a page fetches only after an action may bring its own words
 * (`created.ts`, the create page's link), fetched with it (`locale.add`); `nopage.ts` is
 * what a page shows where it cannot work or where there is none, in place of its own. `shared/` holds sections that the catalogs of two pages include.
 *
 * English is the reference: every other language types each file as its English
 * counterpart, so a missing or extra key fails the type-check. Values are strings, or
 * functions for text with numbers or names in it; dates, sizes and durations arrive
 * already formatted for the reader's locale.
 */
import type answer from './en/answer.js';
import type create from './en/create.js';
import type created from './en/created.js';
import type frame from './en/frame.js';
import type inbox from './en/inbox.js';
import type nopage from './en/nopage.js';
import type receipt from './en/receipt.js';
import type request from './en/request.js';
import type reveal from './en/reveal.js';

/**
 * Every section of every catalog. A page has the frame's sections and its own:
 * test/web/i18n.test.ts checks that each page reads no other.
 */
export type Messages = typeof frame &
  typeof create &
  typeof created &
  typeof reveal &
  typeof receipt &
  typeof request &
  typeof answer &
  typeof inbox &
  typeof nopage;
