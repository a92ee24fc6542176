/** 商业规划: GMV and projects for 当年及后两年 per product, several in one submission, from and to Excel. */
export { PlanningTables } from './planning-tables';
export { PlanningWork } from './planning-work';
export { planningListWriters, planningChannel } from './planning-sync';
export { planningTodos } from './planning-todos';
export { planningHandlers } from './handlers';
export { PLANS_EXPORT } from './planning-list';
