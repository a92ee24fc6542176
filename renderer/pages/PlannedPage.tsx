import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../app/sections';

/** A section whose page is not built yet: it says what it will do, and nothing pretends to work. */
export function PlannedPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`nav.sections.${section}`)} data-testid={`page-${section}`}>
      <Alert type="info" showIcon message={t('planned.title')} description={t('planned.body')} />
      <Typography.Paragraph style={{ marginTop: 16 }}>{t(`sections.${section}`)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('planned.offline')}</Typography.Paragraph>
    </Card>
  );
}
