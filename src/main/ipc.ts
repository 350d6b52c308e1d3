/**
 * Registers one ipcMain handler per contract method (each checks its sender before anything else),
 * and forwards the services' events to the app's windows.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, channelOf, eventChannelOf } from '../shared/api';
import { fail } from '../shared/result';
import { isTrustedSender } from '../shared/security/policies';
import { invokeMethod, outputChecksWanted, type Handlers } from '../services/dispatch';
import type { ServiceEvents } from '../services/events';

function senderFacts(event: IpcMainInvokeEvent): { url: string; isTopFrame: boolean } | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
}

export function registerIpcHandlers(handlers: Handlers, appOrigins: readonly string[]): void {
  const checkOutputs = outputChecksWanted(process.env);
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), (event, input: unknown) => {
      if (!isTrustedSender(senderFacts(event), appOrigins)) {
        return fail('FORBIDDEN', `${method} may only be called by the app's own page.`);
      }
      return invokeMethod(handlers, method, input, { checkOutputs });
    });
  }
}

/** Sends every service event to every app window (never to the docs pane, which has no preload). */
export function forwardEvents(events: ServiceEvents, appWindows: () => readonly BrowserWindow[]): void {
  events.subscribe((event, payload) => {
    for (const window of appWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannelOf(event), payload);
    }
  });
}
