import type { CellTagColor } from '../../components/big-table/CellTag';

/** Tag colours of the flow's and the order's states, the same in the list and the drawer. */
export const STATUS_COLORS: Record<'in_progress' | 'appealing' | 'completed', CellTagColor> = { in_progress: 'blue', appealing: 'orange', completed: 'green' };
export const ORDER_STATUS_COLORS: Record<string, CellTagColor> = { pending_payment: 'gold', processing: 'blue', cancelled: 'default', completed: 'green' };
