/**
 * Is an image file complete? A walk over its segment structure, without decoding a pixel, so `inspect`
 * can refuse a cut-off photo cheaply. Trailing data after the end marker is allowed: phones append
 * their own (Samsung's trailer, "motion photo" videos), so "ends with FFD9" would be the wrong test.
 */

/** JPEG: walk markers from SOI, through each scan's entropy-coded data, to EOI. */
export function jpegComplete(bytes: Uint8Array): boolean {
  let at = 2; // after SOI
  while (at < bytes.length) {
    // Readers skip stray bytes between segments (libjpeg warns "extraneous bytes"), and so do we.
    if (bytes[at] !== 0xff) {
      at = bytes.indexOf(0xff, at);
      if (at === -1) return false;
      continue;
    }
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at];
    if (marker === undefined) return false;
    at++;
    if (marker === 0xd9) return true; // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xd8) continue; // no length
    if (at + 2 > bytes.length) return false;
    const length = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
    if (length < 2 || at + length > bytes.length) return false;
    at += length;
    if (marker !== 0xda) continue;
    // After SOS: entropy-coded data until a marker that is neither a stuffed 00 nor a restart marker.
    for (;;) {
      at = bytes.indexOf(0xff, at);
      if (at === -1 || at + 1 >= bytes.length) return false;
      const next = bytes[at + 1] ?? 0;
      if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) {
        at += next === 0xff ? 1 : 2;
        continue;
      }
      break;
    }
  }
  return false;
}

/** PNG: walk chunks (length, type, data, CRC) to IEND. CRCs are left to the decoder. */
export function pngComplete(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8; // after the signature
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0, bytes[at + 6] ?? 0, bytes[at + 7] ?? 0);
    if (at + 12 + length > bytes.length) return false;
    if (type === 'IEND') return true;
    at += 12 + length;
  }
  return false;
}
