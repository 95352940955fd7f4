/**
 * The operator's brand (BRAND_* in the README): read and checked once at start-up, then
 * written into the page the server sends (web/src/brand.ts reads it back) and served as
 * a logo and a stylesheet of our own, so the CSP needs no inline style or script.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, MAX_LOGO_BYTES, type Config } from './config.js';

/** What the page and GET /api/limits tell about the brand; '' for what is not configured. */
export interface PublicBrand {
  name: string;
  operator: string;
  /** The logo's URL on this site. */
  logo: string;
  lead: string;
  links: { imprint: string; privacy: string; terms: string };
}

export interface Logo {
  /** The fixed URL it is served at. */
  url: string;
  type: string;
  body: Buffer;
}

export interface Brand {
  public: PublicBrand;
  logo?: Logo;
  /** The stylesheet at /brand.css, when BRAND_ACCENT is set. */
  css?: string;
}

export const BRAND_CSS_URL = '/brand.css';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads BRAND_LOGO and builds the brand; a logo that cannot be used is a ConfigError. */
export function loadBrand(config: Config): Brand {
  const logo = config.brandLogo === undefined ? undefined : readLogo(config.brandLogo);
  return {
    public: {
      name: config.brandName,
      operator: config.brandOperator ?? '',
      logo: logo?.url ?? '',
      lead: config.brandLead ?? '',
      links: {
        imprint: config.brandImprintUrl ?? '',
        privacy: config.brandPrivacyUrl ?? '',
        terms: config.brandTermsUrl ?? '',
      },
    },
    ...(logo && { logo }),
    ...(config.brandAccent !== undefined && { css: accentStylesheet(config.brandAccent) }),
  };
}

function readLogo(path: string): Logo {
  const problem = (why: string) => new ConfigError([`BRAND_LOGO (${JSON.stringify(path)}) ${why}`]);
  let body: Buffer;
  try {
    body = readFileSync(path);
  } catch (error) {
    throw problem(`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  if (body.length === 0) throw problem('is empty.');
  if (body.length > MAX_LOGO_BYTES) {
    throw problem(`is ${body.length} bytes; a logo may have at most ${MAX_LOGO_BYTES} (it is sent with every page).`);
  }
  if (/\.png$/i.test(path)) {
    if (!body.subarray(0, 8).equals(PNG_SIGNATURE)) throw problem('is named .png but is not a PNG image.');
    return { url: '/brand/logo.png', type: 'image/png', body };
  }
  const text = body.toString('utf8');
  if (!/<svg[\s>]/.test(text)) throw problem('is named .svg but holds no <svg> element.');
  // Shown through <img>, an SVG runs nothing; opened on its own, it would be a page of this
  // site, where a script of ours is allowed to run. A logo has no need of either.
  if (/<script[\s>/]|<foreignObject[\s>/]|\son[a-z]+\s*=/i.test(text)) {
    throw problem('holds scripts, event handlers or foreignObject; a logo must be a plain image.');
  }
  return { url: '/brand/logo.svg', type: 'image/svg+xml', body };
}

/** The page's backgrounds (web/src/app.css), light and dark, against which the accent is judged. */
const BACKGROUND = { light: '#fbfaf8', dark: '#161514' };
const TEXT = { light: '#1c1b1a', dark: '#ece9e4' };
/** WCAG's contrast for large text: the name in the header is 1.25rem bold. */
const LARGE_TEXT_CONTRAST = 3;

/**
 * The custom properties app.css reads for the accent. Button text takes black or white,
 * whichever reads better on the accent (one of them always reaches 4.5:1); where the accent
 * itself is text on the page's background and would be too faint there, the ordinary text
 * colour stands in, so no accent can make the page unreadable in either scheme.
 */
export function accentStylesheet(accent: string): string {
  const hex = accent.toLowerCase();
  const onAccent = contrast(hex, '#ffffff') >= contrast(hex, '#000000') ? '#ffffff' : '#000000';
  const scheme = (name: 'light' | 'dark') =>
    `  --accent: ${hex};\n  --accent-text: ${onAccent};\n` +
    `  --accent-on-bg: ${contrast(hex, BACKGROUND[name]) >= LARGE_TEXT_CONTRAST ? hex : TEXT[name]};\n`;
  return (
    `/* The operator's accent colour (BRAND_ACCENT), made by the server. */\n` +
    `:root {\n${scheme('light')}}\n\n` +
    `@media (prefers-color-scheme: dark) {\n  :root {\n${scheme('dark').replace(/^/gm, '  ')}  }\n}\n`
  );
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Text for an HTML attribute or element: nothing in it can end either. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The page with the brand in it: its name as the title, the brand as JSON in a meta
 * element (read by web/src/brand.ts), and the accent's stylesheet after the page's own.
 */
export function brandedPage(html: string, brand: Brand): string {
  if (!/<title>[^<]*<\/title>/.test(html) || !html.includes('</head>')) {
    throw new Error('The built page has no <title> or </head> to put the brand in; rebuild the page.');
  }
  const head =
    `<meta name="burnlink-brand" content="${escapeHtml(JSON.stringify(brand.public))}" />\n` +
    (brand.css === undefined ? '' : `<link rel="stylesheet" href="${BRAND_CSS_URL}" />\n`);
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(brand.public.name)}</title>`)
    .replace('</head>', () => `${head}</head>`);
}
