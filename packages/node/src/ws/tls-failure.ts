/**
 * Whether a Node network error code or message means TLS failed to verify a certificate (an
 * untrusted, self-signed or expired one, or a host name mismatch), so that errors can say so.
 */
export function isCertificateFailure(reason: string): boolean {
  return /CERT|SSL|TLS|self.signed/i.test(reason);
}
