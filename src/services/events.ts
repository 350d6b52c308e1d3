/**
 * The back end's events for the renderer (see `events` in shared/api.ts). Services emit; each host
 * forwards every event to its pages (Electron: webContents.send; browser mode: Server-Sent Events).
 */
import type { EventName, EventPayload } from '../shared/api';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class ServiceEvents {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error(`[atlas] a listener of ${event} failed:`, error);
      }
    }
  }

  /** Every event, until the returned function is called. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
