/** 客户工单: the tickets cache, replies and closes queued offline, 工单接待 and sub-account authorization. */
export { TicketsTable, TICKET_FIELDS, TICKET_MESSAGE_FIELDS, type TicketRecord, type TicketMessageRecord } from './tickets-table';
export { TicketWork } from './ticket-work';
export { TICKET_LIST, TICKETS_EXPORT } from './ticket-list';
export { ticketHandlers, TICKET_FLUSH_JOB } from './handlers';
export { ticketTodos } from './ticket-todos';
