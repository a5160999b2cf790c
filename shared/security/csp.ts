/**
 * The one Content-Security-Policy for every page Dalel shows. It is sent as a header by the `app://`
 * protocol and by the loopback test host, and repeated in renderer/index.html's meta tag so that a page
 * opened any other way is still locked down (a test checks the two are equal).
 *
 * Nothing leaves the machine: no remote scripts, styles, fonts or connections, no inline script, no
 * frames, no plugins, no forms posting anywhere. `data:` and `blob:` images are for page previews the
 * renderer draws itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
