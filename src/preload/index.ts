/**
 * Preload (sandboxed, CommonJS): exposes exactly the contract's named methods, plus `on(event,
 * listener) → unsubscribe` for the contract's events, as `window.atlas`. No raw ipcRenderer, no
 * generic invoke: the page can only call what src/shared/api.ts lists.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildAtlasApi, channelOf, eventChannelOf } from '../shared/api';

contextBridge.exposeInMainWorld(
  'atlas',
  buildAtlasApi(
    (method, input) => ipcRenderer.invoke(channelOf(method), input),
    (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(eventChannelOf(event), forward);
      return () => void ipcRenderer.removeListener(eventChannelOf(event), forward);
    },
  ),
);
