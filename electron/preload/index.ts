import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from '../../shared/ipc/api';
import { isChannel, isEventName } from '../../shared/ipc/channels';

/**
 * The page gets `window.dalel` and nothing else: one function per contract channel and `on` for push
 * events. Raw `ipcRenderer` is never exposed, or a compromised page could send on any channel and
 * listen to any event. Runs sandboxed, so it imports nothing but `electron` and pure shared code.
 */
const dalel = buildApi({
  invoke: (channel, input) => {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, input);
  },
  subscribe: (event, listener) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('dalel', dalel);
