import { useTranslation } from 'react-i18next';
import { SyncButton } from './SyncButton';

/** 全部同步: every list the data source can give, one after another (the app header's action). */
export function SyncAllButton() {
  const { t } = useTranslation();
  return <SyncButton label={t('sync.all')} testId="sync-all" />;
}
