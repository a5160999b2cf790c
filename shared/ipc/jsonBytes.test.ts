import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeBytes, encodeBytes } from './jsonBytes';

describe('bytes over JSON', () => {
  it('round-trips every length and byte value, and matches standard base64', () => {
    for (let length = 0; length < 70; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('wraps nested byte arrays and leaves everything else alone', () => {
    const value = { ok: true, value: { mime: 'image/jpeg', data: Uint8Array.of(255, 216, 255), pages: [1, 2] } };
    const wire = JSON.parse(JSON.stringify(encodeBytes(value))) as unknown;
    expect(wire).toEqual({ ok: true, value: { mime: 'image/jpeg', data: { $bytes: '/9j/' }, pages: [1, 2] } });
    expect(decodeBytes(wire)).toEqual(value);
  });
});
