export { EventBus, type EventListener } from './event-bus';
