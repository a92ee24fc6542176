import { itemWriter, pick, type SyncWriters } from '../sync';
import { SELLER_PROFILE_FIELDS, STORE_TRAFFIC_FIELDS, type SellerProfileRecord, type SellerTables, type StoreTrafficRecord } from './seller-tables';

/** How the sync writes 商家总览's two lists. */
export function overviewListWriters(tables: SellerTables): Pick<SyncWriters, 'seller_profile' | 'store_traffic'> {
  return {
    seller_profile: (source) => itemWriter((item) => tables.writeProfile(pick<SellerProfileRecord>(item, SELLER_PROFILE_FIELDS), source)),
    store_traffic: (source) => itemWriter((item) => tables.writeTraffic(pick<StoreTrafficRecord>(item, STORE_TRAFFIC_FIELDS), source)),
  };
}
