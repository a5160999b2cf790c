import { buildApi } from '../../shared/ipc/api';
import { EVENTS } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/errors';
import { decodeBytes, encodeBytes } from '../../shared/ipc/jsonBytes';

/**
 * `window.dalel` for the loopback test host: the same `buildApi` as the preload, with HTTP for
 * transport. Calls go to `POST ipc/<channel>`, push events arrive over one EventSource. Served by
 * e2e/host/server.ts as `__bridge.js` next to index.html, so every URL here is relative to it.
 */
const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('./', script?.src ?? location.href);

// Opened at once, not on first subscribe, so that a status change right after load is not missed.
const events = new EventSource(new URL('events', base));

const dalel = buildApi({
  async invoke(channel, input) {
    const response = await fetch(new URL(`ipc/${encodeURIComponent(channel)}`, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(encodeBytes(input ?? {})),
    });
    if (!(response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
      throw new Error(`The test host answered ${response.status} to ${channel}`);
    }
    return decodeBytes(await response.json()) as Result<unknown>;
  },
  subscribe(event, listener) {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const forward = (message: MessageEvent<string>) => listener(decodeBytes(JSON.parse(message.data)));
    events.addEventListener(event, forward);
    return () => events.removeEventListener(event, forward);
  },
});

// Like contextBridge: the page can use `window.dalel` but not replace it.
Object.defineProperty(window, 'dalel', { value: dalel, writable: false, configurable: false, enumerable: true });
