import type { CoreEvent } from '../contract';

export type EventListener = (event: CoreEvent) => void;

/** Core → UI events. A listener that throws is logged and does not stop the others. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('event listener failed', error);
      }
    }
  }
}
