import { PRODUCT_NOUNS, PRODUCT_PREFIXES, SKU_NAMES } from './names';
import { Rng } from './random';

export type ProductType = 'general' | 'joint_operation' | 'curated_certified' | 'huawei_self_service';
export type ChargingMode = 'PERIOD' | 'ONE_TIME' | 'ON_DEMAND' | 'ON_DEMAND_PKG';
export type AccessType = 'SaaS' | 'License' | '镜像' | 'API' | '人工服务' | '硬件';

export interface SandboxSku {
  sku_code: string;
  name: string;
  /** Price per period (PERIOD: per month), per purchase (ONE_TIME) or per unit (ON_DEMAND), in fen. */
  unit_price_fen: number;
}

export interface SandboxProduct {
  product_id: string;
  name: string;
  product_type: ProductType;
  access_type: AccessType;
  charging_modes: ChargingMode[];
  skus: SandboxSku[];
  status: 'on_sale' | 'off_shelf';
  /** Seller-operations flows apply (服务监管): License, professional services, hardware. */
  supervised: boolean;
  updated_at: number;
}

const MODES_BY_ACCESS: Record<AccessType, ChargingMode[]> = {
  SaaS: ['PERIOD', 'ON_DEMAND', 'ON_DEMAND_PKG'],
  License: ['PERIOD', 'ONE_TIME'],
  镜像: ['PERIOD', 'ON_DEMAND'],
  API: ['ON_DEMAND', 'ON_DEMAND_PKG'],
  人工服务: ['ONE_TIME'],
  硬件: ['ONE_TIME'],
};

export function generateProducts(seed: string, count: number, historyStart: number): SandboxProduct[] {
  return Array.from({ length: count }, (_, i) => generateProduct(seed, i, historyStart));
}

function generateProduct(seed: string, index: number, historyStart: number): SandboxProduct {
  const rng = new Rng(seed, 'product', index);
  const access = rng.weighted<AccessType>([
    ['SaaS', 5],
    ['License', 2],
    ['镜像', 2],
    ['API', 2],
    ['人工服务', 1],
    ['硬件', 1],
  ]);
  const productType = rng.weighted<ProductType>([
    ['general', 5],
    ['joint_operation', 3],
    ['curated_certified', 1],
    ['huawei_self_service', 1],
  ]);
  const skuCount = rng.int(1, 3);
  return {
    product_id: `OFFI${String(846204237451911168n + BigInt(index) * 7919n)}`,
    name: `${rng.pick(PRODUCT_PREFIXES)}${rng.pick(PRODUCT_NOUNS[access])}`,
    product_type: productType,
    access_type: access,
    charging_modes: MODES_BY_ACCESS[access],
    skus: SKU_NAMES.slice(0, skuCount).map((name, s) => ({
      sku_code: rng.uuid(),
      name,
      unit_price_fen: (s + 1) * rng.pick([990, 2900, 9900, 19900, 49900]),
    })),
    status: rng.chance(0.9) ? 'on_sale' : 'off_shelf',
    supervised: access === 'License' || access === '人工服务' || access === '硬件',
    updated_at: historyStart + index * 60_000,
  };
}
