/** The lab may only ever send traffic to this machine's loopback network. */
export function assertLoopbackUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`load target "${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:') {
    throw new Error(`load target "${raw}" must use http: (got ${url.protocol})`);
  }
  if (!isLoopbackIPv4(url.hostname)) {
    throw new Error(
      `load target "${raw}" refused: host "${url.hostname}" is not a literal address in 127.0.0.0/8`,
    );
  }
  return url;
}

export function isLoopbackIPv4(host: string): boolean {
  const parts = host.split('.');
  if (parts.length !== 4) {
    return false;
  }
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255) && octets[0] === 127;
}
