/**
 * Who runs this site and how it looks, as the operator configured it (README, "Branding").
 * The server writes it into the page it serves (a `<meta name="burnlink-brand">` holding
 * JSON), so every page knows it without a request and the CSP needs no inline script.
 * Served without one (the dev server, a test fixture), the page is plain burnlink.
 */
export interface Brand {
  /** The product name shown in the header and the title. */
  name: string;
  /** Who runs this site ("Rosa Café GmbH"); '' when not configured. */
  operator: string;
  /** The logo's URL on this site; '' for none. */
  logo: string;
  /** The home page's lead text; '' for the built-in one. */
  lead: string;
  /** Footer links; '' for each one not configured. */
  links: { imprint: string; privacy: string; terms: string };
}

export const DEFAULT_BRAND: Brand = {
  name: 'burnlink',
  operator: '',
  logo: '',
  lead: '',
  links: { imprint: '', privacy: '', terms: '' },
};

/** Reads the brand the server wrote into the page; any part missing or malformed is the default's. */
export function readBrand(doc: Pick<Document, 'querySelector'> = document): Brand {
  const content = doc.querySelector('meta[name="burnlink-brand"]')?.getAttribute('content');
  if (!content) return DEFAULT_BRAND;
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return DEFAULT_BRAND;
  }
  const value = (raw ?? {}) as Record<string, unknown>;
  const links = (value.links ?? {}) as Record<string, unknown>;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  return {
    name: text(value.name, DEFAULT_BRAND.name) || DEFAULT_BRAND.name,
    operator: text(value.operator, ''),
    logo: text(value.logo, ''),
    lead: text(value.lead, ''),
    links: { imprint: text(links.imprint, ''), privacy: text(links.privacy, ''), terms: text(links.terms, '') },
  };
}

/** The brand of this page, read once. */
export const brand: Brand = typeof document === 'undefined' ? DEFAULT_BRAND : readBrand();
