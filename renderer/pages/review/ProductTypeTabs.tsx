import { Tabs } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_TYPES } from './product-types';

type ProductType = (typeof PRODUCT_TYPES)[number];

/** Seller Center's product-type tabs (全部, 通用商品, 联营商品, 严选&认证部件, 华为自服务商品); give it the page's stable filter setter. */
export const ProductTypeTabs = memo(function ProductTypeTabs({
  value,
  onChange,
}: {
  value: ProductType | undefined;
  onChange: (changes: { productType: ProductType | undefined }) => void;
}) {
  const { t } = useTranslation();
  const items = useMemo(
    () => [{ key: 'all', label: t('review.allTypes') }, ...PRODUCT_TYPES.map((type) => ({ key: type, label: t(`vocab.productType.${type}`) }))],
    [t],
  );
  return (
    <Tabs
      size="small"
      tabBarStyle={{ margin: 0 }}
      activeKey={value ?? 'all'}
      onChange={(key) => onChange({ productType: key === 'all' ? undefined : (key as ProductType) })}
      items={items}
    />
  );
});
