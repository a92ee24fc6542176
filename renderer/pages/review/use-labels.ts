import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Translations of a set of codes, looked up once per language instead of once per table cell. */
export function useLabels<K extends string>(prefix: string, keys: readonly K[]): Record<K, string> {
  const { t } = useTranslation();
  return useMemo(() => Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)])) as Record<K, string>, [t, prefix, keys]);
}
