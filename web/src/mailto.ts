/** A `mailto:` link with subject and body (RFC 6068: percent-encoded UTF-8, CRLF line breaks). */
export function mailtoLink(subject: string, body: string): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:?subject=${encode(subject)}&body=${encode(body)}`;
}
