/** Registers one ipcMain handler per contract method; each checks its sender before anything else. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, channelOf } from '../shared/api-methods';
import { fail } from '../shared/result';
import { isTrustedSender } from '../shared/security/policies';
import { invokeMethod, type Handlers } from '../services/dispatch';

function senderFacts(event: IpcMainInvokeEvent): { url: string; isTopFrame: boolean } | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
}

export function registerIpcHandlers(handlers: Handlers, appOrigins: readonly string[]): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), (event, input: unknown) => {
      if (!isTrustedSender(senderFacts(event), appOrigins)) {
        return fail('FORBIDDEN', `${method} may only be called by the app's own page.`);
      }
      return invokeMethod(handlers, method, input);
    });
  }
}
