import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAllowedRequest } from './requestPolicy';
import { isAppPageUrl, isTrustedSender, type FrameFacts } from './senderPolicy';

const appFrame = { processId: 4, routingId: 1 };
const page: FrameFacts = { url: 'app://dalel/index.html', processId: 4, routingId: 1, parent: null };

describe('isTrustedSender', () => {
  it("accepts the app's own page in the main window's top frame", () => {
    expect(isTrustedSender(page, appFrame)).toBe(true);
    expect(isTrustedSender({ ...page, url: 'app://dalel/index.html#/library' }, appFrame)).toBe(true);
  });

  it('refuses a sender that is gone or a window that is gone', () => {
    expect(isTrustedSender(null, appFrame)).toBe(false);
    expect(isTrustedSender(undefined, appFrame)).toBe(false);
    expect(isTrustedSender(page, null)).toBe(false);
  });

  it('refuses an iframe, even one on the app origin', () => {
    expect(isTrustedSender({ ...page, parent: {} }, appFrame)).toBe(false);
  });

  it('refuses another window or process', () => {
    expect(isTrustedSender({ ...page, processId: 5 }, appFrame)).toBe(false);
    expect(isTrustedSender({ ...page, routingId: 2 }, appFrame)).toBe(false);
  });

  it.each([
    'file:///home/lawyer/evil.html',
    'https://dalel.example/index.html',
    'app://dalel.evil/index.html',
    'app://dalel@evil/index.html',
    'app://evil/dalel/index.html',
    'app://dalel',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses a page at %s', (url) => {
    expect(isTrustedSender({ ...page, url }, appFrame)).toBe(false);
  });
});

describe('isAppPageUrl', () => {
  it('is true only on the app origin', () => {
    expect(isAppPageUrl('app://dalel/')).toBe(true);
    expect(isAppPageUrl('APP://dalel/')).toBe(false);
    expect(isAppPageUrl('app://DALEL/')).toBe(false);
  });
});

describe('request policy', () => {
  const released = { allowDevTools: false };

  it('lets the app load its own files and in-memory images, nothing else', () => {
    expect(isAllowedRequest('app://dalel/assets/index.js', released)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', released)).toBe(true);
    expect(isAllowedRequest('blob:app://dalel/6c1b2a10', released)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'file:///etc/passwd',
      'app://other/x.js',
      'ftp://example.com/',
      'garbage',
    ]) {
      expect(isAllowedRequest(url, released), url).toBe(false);
    }
  });

  it('lets DevTools load only when DevTools are allowed', () => {
    const url = 'devtools://devtools/bundled/inspector.html';
    expect(isAllowedRequest(url, released)).toBe(false);
    expect(isAllowedRequest(url, { allowDevTools: true })).toBe(true);
  });

  it('allows navigation only within the app', () => {
    expect(isAllowedNavigation('app://dalel/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///tmp/evidence.pdf')).toBe(false);
  });
});
