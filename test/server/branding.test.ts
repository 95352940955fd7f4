/**
 * The operator's brand: checked at start-up, written into the page as escaped text, the
 * logo and the accent's stylesheet served by us, and the CSP exactly as strict as without.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accentStylesheet, contrast, loadBrand } from '../../server/brand.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { CONTENT_SECURITY_POLICY } from '../../server/plugins/security-headers.js';
import { readBrand } from '../../web/src/brand.js';
import { buildTestApp, testConfig } from '../helpers/server.js';

const SVG_LOGO = 'test/fixtures/brand/logo.svg';
const PNG_LOGO = 'test/fixtures/brand/logo.png';
const HOSTILE = '</title><script>alert(1)</script>"\'&';

/** The brand the page would read from this HTML, with a DOM-less querySelector for the one meta element. */
function brandIn(html: string) {
  const meta = /<meta name="burnlink-brand" content="([^"]*)" \/>/.exec(html);
  const content = meta?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return readBrand({
    querySelector: () => (content === undefined ? null : ({ getAttribute: () => content } as never)),
  });
}

function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

function tempFile(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'burnlink-brand-')), name);
  writeFileSync(path, content);
  return path;
}

describe('brand configuration', () => {
  it('reads every brand variable', () => {
    const config = loadConfig({
      BRAND_NAME: 'Rosa Secrets',
      BRAND_OPERATOR: 'Rosa Café GmbH',
      BRAND_LOGO: SVG_LOGO,
      BRAND_ACCENT: '#2A6F4E',
      BRAND_LEAD: 'Send us passwords this way, never by email.',
      BRAND_IMPRINT_URL: 'https://rosa.example/impressum',
      BRAND_PRIVACY_URL: '/privacy',
      BRAND_TERMS_URL: 'https://rosa.example/terms?lang=de#top',
    });
    expect(config).toMatchObject({
      brandName: 'Rosa Secrets',
      brandOperator: 'Rosa Café GmbH',
      brandLogo: SVG_LOGO,
      brandAccent: '#2A6F4E',
      brandPrivacyUrl: '/privacy',
    });
  });

  it.each([
    ['BRAND_NAME', 'x'.repeat(61)],
    ['BRAND_NAME', 'two\nlines'],
    ['BRAND_OPERATOR', 'tab\there'],
    ['BRAND_LEAD', 'y'.repeat(301)],
    ['BRAND_ACCENT', 'red'],
    ['BRAND_ACCENT', '#12345'],
    ['BRAND_LOGO', 'logo.gif'],
    ['BRAND_IMPRINT_URL', 'http://rosa.example/impressum'],
    ['BRAND_PRIVACY_URL', 'javascript:alert(1)'],
    ['BRAND_TERMS_URL', '//evil.example/terms'],
    ['BRAND_TERMS_URL', 'terms.html'],
    ['BRAND_IMPRINT_URL', 'https://'],
  ])('refuses %s=%j with a message naming it', (name, value) => {
    const problems = configProblems({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} must be`));
  });

  it('refuses a logo that is missing, too large, not what its name says, or holds a script', () => {
    const refusal = (path: string) => {
      try {
        loadBrand(loadConfig({ BRAND_LOGO: path }));
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems[0];
      }
      return 'accepted';
    };
    expect(refusal('/nonexistent/logo.svg')).toMatch(/^BRAND_LOGO .* cannot be read: ENOENT/);
    expect(refusal(tempFile('big.png', Buffer.alloc(300 * 1024)))).toMatch(/at most 262144/);
    expect(refusal(tempFile('fake.png', '<svg></svg>'))).toMatch(/not a PNG/);
    expect(refusal(tempFile('fake.svg', 'hello'))).toMatch(/no <svg>/);
    expect(refusal(tempFile('bad.svg', '<svg><script>alert(1)</script></svg>'))).toMatch(/scripts/);
    expect(refusal(tempFile('bad.svg', '<svg onload="alert(1)"></svg>'))).toMatch(/event handlers/);
    expect(refusal(tempFile('empty.svg', ''))).toMatch(/is empty/);
    expect(refusal(SVG_LOGO)).toBe('accepted');
  });

  it('stops the app from building with a logo that cannot be used', async () => {
    await expect(buildTestApp({ brandLogo: '/nonexistent/logo.png' })).rejects.toThrow(ConfigError);
  });
});

describe('the branded page', () => {
  it('escapes a hostile name in the title and the meta element, and the page reads it back exactly', async () => {
    const app = await buildTestApp({ brandName: HOSTILE, brandOperator: 'Rosa & Söhne <GmbH>' });
    const html = (await app.inject('/')).body;
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</title>');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(brandIn(html)).toMatchObject({ name: HOSTILE, operator: 'Rosa & Söhne <GmbH>' });
  });

  it('gives every page path its page with the same brand, logo and links the page shows', async () => {
    const app = await buildTestApp({
      brandName: 'Rosa Secrets',
      brandLogo: SVG_LOGO,
      brandLead: 'Only for our customers.',
      brandImprintUrl: '/impressum',
    });
    const pages = await Promise.all(['/', '/request', '/s/x', '/r/x', '/q/x', '/i/x'].map((url) => app.inject(url)));
    for (const page of pages) expect(brandIn(page.body)).toEqual(brandIn(pages[0]!.body));
    expect(brandIn(pages[0]!.body)).toEqual({
      name: 'Rosa Secrets',
      operator: '',
      logo: '/brand/logo.svg',
      lead: 'Only for our customers.',
      links: { imprint: '/impressum', privacy: '', terms: '' },
    });
    // Without an accent there is no stylesheet to link.
    for (const page of pages) expect(page.body).not.toContain('/brand.css');
    expect((await app.inject('/brand.css')).statusCode).toBe(404);
  });

  it('changes the ETag of the page with the brand', async () => {
    const etag = async (brandName: string) =>
      (await (await buildTestApp({ brandName })).inject('/')).headers.etag as string;
    const plain = await etag('burnlink');
    expect(plain).toMatch(/^"/);
    expect(await etag('Rosa Secrets')).not.toBe(plain);
    expect(await etag('burnlink')).toBe(plain);
  });

  it('serves the logo at its fixed URL with its type, nosniff, an ETag and the same CSP', async () => {
    const svgApp = await buildTestApp({ brandLogo: SVG_LOGO });
    const svg = await svgApp.inject('/brand/logo.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['x-content-type-options']).toBe('nosniff');
    expect(svg.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(svg.headers['cache-control']).toBe('no-cache');
    const again = await svgApp.inject({ url: '/brand/logo.svg', headers: { 'if-none-match': svg.headers.etag } });
    expect(again.statusCode).toBe(304);
    expect((await svgApp.inject('/brand/logo.png')).statusCode).toBe(404);

    const pngApp = await buildTestApp({ brandLogo: PNG_LOGO });
    const png = await pngApp.inject('/brand/logo.png');
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(brandIn((await pngApp.inject('/')).body).logo).toBe('/brand/logo.png');
  });

  it('serves the accent as custom properties in /brand.css, linked after the page’s own stylesheet', async () => {
    const app = await buildTestApp({ brandAccent: '#2A6F4E' });
    const html = (await app.inject('/')).body;
    expect(html).toContain('<link rel="stylesheet" href="/brand.css" />\n</head>');
    const css = await app.inject('/brand.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(css.body).toContain('--accent: #2a6f4e;');
    expect(css.body).toContain('--accent-text: #ffffff;');
    expect(css.body).toContain('@media (prefers-color-scheme: dark)');
  });

  it('keeps the CSP strict: the page holds no inline script or style', async () => {
    const app = await buildTestApp({ brandName: 'Rosa', brandAccent: '#2a6f4e', brandLogo: SVG_LOGO });
    const page = await app.inject('/');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|data:|https:/);
    expect(page.body).not.toMatch(/<style|style=|<script>|<script(?![^>]*\bsrc=)/);
  });

  it('puts the brand in GET /api/limits for API and CLI clients', async () => {
    const app = await buildTestApp({ brandName: 'Rosa', brandOperator: 'Rosa Café GmbH', brandLogo: PNG_LOGO });
    expect((await app.inject('/api/limits')).json().brand).toEqual({
      name: 'Rosa',
      operator: 'Rosa Café GmbH',
      logo: '/brand/logo.png',
      lead: '',
      links: { imprint: '', privacy: '', terms: '' },
    });
  });
});

describe('the accent stylesheet', () => {
  it('gives button text the better of black and white, and falls back to the text colour where the accent is faint', () => {
    // A pale yellow: black text on it; too faint as text on the light background, fine on the dark one.
    const pale = accentStylesheet('#ffe680');
    expect(pale).toMatch(/:root \{\n {2}--accent: #ffe680;\n {2}--accent-text: #000000;\n {2}--accent-on-bg: #1c1b1a;/);
    expect(pale).toMatch(/@media[^]*--accent-on-bg: #ffe680;/);
    // A dark navy: white text; readable on light, too dark on the dark background.
    const navy = accentStylesheet('#102040');
    expect(navy).toMatch(/:root \{\n {2}--accent: #102040;\n {2}--accent-text: #ffffff;\n {2}--accent-on-bg: #102040;/);
    expect(navy).toMatch(/@media[^]*--accent-on-bg: #ece9e4;/);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

it('keeps the test config valid with the brand defaults', () => {
  expect(testConfig().brandName).toBe('burnlink');
});
