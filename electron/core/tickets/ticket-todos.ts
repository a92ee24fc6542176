import type { TodoProvider } from '../todos';
import type { TicketsTable } from './tickets-table';

/** 商家总览's to-do for 客户工单: tickets waiting on the seller, those past their SLA counted apart. */
export function ticketTodos(tickets: TicketsTable): TodoProvider[] {
  return [{ key: 'tickets.waiting', link: { section: 'tickets', filters: { waitingOnMe: true } }, read: (now) => tickets.waitingOnMe(now) }];
}
