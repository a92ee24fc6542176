/** The app's own notifications (话单 window closing, tickets waiting, requirements lapsing, supervision due), each switched by the seller. */
export { Notifier, type NotifierOptions } from './notifier';
export { TodoNotices, TASK_NOTICES, TASK_NOTICES_SCHEDULE, type TodoNoticesOptions } from './todo-notices';
export { noticeHandlers } from './handlers';
