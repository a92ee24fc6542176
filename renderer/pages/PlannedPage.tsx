import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../app/sections';
import { PageFrame } from '../components/page/PageFrame';

/** A section whose page is not built yet: it says what it will do, and nothing pretends to work. */
export function PlannedPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  return (
    <PageFrame title={t(`nav.sections.${section}`)} testId={`page-${section}`} scroll>
      <Alert type="info" showIcon message={t('planned.title')} description={t('planned.body')} />
      <Typography.Paragraph style={{ marginTop: 8 }}>{t(`sections.${section}`)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('planned.offline')}</Typography.Paragraph>
    </PageFrame>
  );
}
