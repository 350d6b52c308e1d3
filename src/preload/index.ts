/**
 * Preload (sandboxed, CommonJS): exposes exactly the contract's named methods as `window.atlas`.
 * No raw ipcRenderer, no generic invoke: the page can only call what api-methods.ts lists.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildAtlasApi, channelOf } from '../shared/api-methods';

contextBridge.exposeInMainWorld(
  'atlas',
  buildAtlasApi((method, input) => ipcRenderer.invoke(channelOf(method), input)),
);
