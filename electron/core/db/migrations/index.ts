import type { Migration } from '../migration';
import { migration001 } from './001_cache';
import { migration002 } from './002_usage_outbox';
import { migration003 } from './003_import_mappings';
import { migration004 } from './004_usage_scheduling';
import { migration005 } from './005_review_search';
import { migration006 } from './006_ticket_work';
import { migration007 } from './007_bills';
import { migration008 } from './008_stale_search_indexes';
import { migration009 } from './009_sync_errors_and_conversations';
import { migration010 } from './010_overview_and_figures';
import { migration011 } from './011_service_supervision';
import { migration012 } from './012_sales_tools';
import { migration013 } from './013_agents';
import { migration014 } from './014_listing_and_receivers';
import { migration015 } from './015_agents_submissions';
import { migration016 } from './016_bulk_loads';
import { migration017 } from './017_order_search_without_positions';
import { migration018 } from './018_one_order_time_index';

/** Forward-only, in order. A new schema change is a new numbered file appended here — never an edit. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
];
