import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../electron/core/contract';
import { errorMessage } from '../../app/error-message';
import { useCore } from '../../stores/core-store';
import { useNavigation } from '../../stores/navigation-store';

/** How long 显示 shows the Key before hiding it again. */
const REVEAL_MS = 30_000;
const STATE_COLORS: Record<string, string> = { certified: 'green', signed: 'green', in_review: 'gold', not_certified: 'red', unsigned: 'red' };

/** The seller: name, the interconnection Key (masked; 显示 for 30 s; copy), 商业信息认证 and 服务协议签署. */
export function SellerCard({ seller }: { seller: Overview['seller'] }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const state = (group: 'certification' | 'agreement', value: string | null) =>
    value ? (
      <Tag color={STATE_COLORS[value]}>{t(`vocab.${group}.${value}`)}</Tag>
    ) : (
      <Typography.Text type="secondary">{t('overview.seller.unknown')}</Typography.Text>
    );
  return (
    <Card size="small" title={t('overview.seller.title')} style={{ height: '100%' }} data-testid="seller-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('overview.seller.name')}>
          <span data-testid="seller-name">{seller.name ?? <Typography.Text type="secondary">{t('overview.seller.unknown')}</Typography.Text>}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('overview.seller.key')}>
          <SellerKey masked={seller.keyMasked} />
        </Descriptions.Item>
        <Descriptions.Item label={t('overview.seller.certification')}>{state('certification', seller.certification)}</Descriptions.Item>
        <Descriptions.Item label={t('overview.seller.agreement')}>{state('agreement', seller.agreement)}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`overview.seller.from.${seller.from}`)}
        {seller.from !== 'source' && (
          <Button type="link" size="small" onClick={() => go('settings')}>
            {t('overview.seller.enter')}
          </Button>
        )}
      </Typography.Text>
    </Card>
  );
}

function SellerKey({ masked }: { masked: string | null }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useCore((s) => s.client);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  if (!masked) return <Typography.Text type="secondary">{t('overview.seller.noKey')}</Typography.Text>;
  const reveal = async () => {
    try {
      setShown((await client!.call('overview.revealKey', {})).key);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown ?? (await client!.call('overview.revealKey', {})).key);
      void message.success(t('overview.seller.copied'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Space size={4} wrap>
      <Typography.Text code translate="no" data-testid="seller-key" data-revealed={shown !== null}>
        {shown ?? masked}
      </Typography.Text>
      {shown ? (
        <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setShown(null)} data-testid="seller-key-hide">
          {t('overview.seller.hide')}
        </Button>
      ) : (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void reveal()} data-testid="seller-key-reveal">
          {t('overview.seller.reveal')}
        </Button>
      )}
      <Button size="small" type="link" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="seller-key-copy">
        {t('overview.seller.copy')}
      </Button>
    </Space>
  );
}
