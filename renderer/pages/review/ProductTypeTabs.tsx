import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRODUCT_TYPES } from './product-types';

type ProductType = (typeof PRODUCT_TYPES)[number];

/** Seller Center's product-type tabs (全部, 通用商品, 联营商品, 严选&认证部件, 华为自服务商品). */
export function ProductTypeTabs({ value, onChange }: { value: ProductType | undefined; onChange: (type: ProductType | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Tabs
      activeKey={value ?? 'all'}
      onChange={(key) => onChange(key === 'all' ? undefined : (key as ProductType))}
      items={[{ key: 'all', label: t('review.allTypes') }, ...PRODUCT_TYPES.map((type) => ({ key: type, label: t(`review.productTypes.${type}`) }))]}
    />
  );
}
