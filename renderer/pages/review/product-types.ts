/** Seller Center's product-type tabs: 通用商品, 联营商品, 严选&认证部件, 华为自服务商品. */
export const PRODUCT_TYPES = ['general', 'joint_operation', 'curated_certified', 'huawei_self_service'] as const;
