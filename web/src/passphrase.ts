/**
 * Random passphrases for senders who want one: 20 characters of Crockford's base32
 * (100 bits from crypto.getRandomValues), in groups of four. The alphabet has no
 * i, l, o or u, so it reads aloud over a phone without "was that a one or an l?",
 * and it needs no word list in any language.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 20;

export function generatePassphrase(): string {
  // 32 divides 256, so the low five bits of a random byte are uniform.
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  let out = '';
  bytes.forEach((byte, i) => {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[byte & 31];
  });
  return out;
}
