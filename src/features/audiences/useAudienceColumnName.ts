import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { attrName, profileFieldName } from '../../domain/conditions/names';
import { useLanguage } from '../../ui/useLanguage';

/** The header of an export column in the screen's language (source columns keep their own names: they are data). */
export function useAudienceColumnName(): (column: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (column: string) => {
      if (column === 'id' || column === 'name' || column === 'email' || column === 'phone') return t(`audiences.customers.${column}`);
      if (column.startsWith('consent.')) return t('audiences.columns.consent', { channel: t(`channel.${column.slice(8)}`) });
      if (column === 'orders' || column === 'netSpend' || column === 'lastOrder') return t(`audiences.columns.${column}`);
      const attr = attrName(column);
      if (attr !== null) return attr;
      const name = profileFieldName(column, language);
      return name.charAt(0).toUpperCase() + name.slice(1);
    },
    [t, language],
  );
}
