import { Button } from '@mantine/core';
import { useI18n } from '../i18n/i18n.js';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <Button variant="subtle" size="xs" onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')} lang={language === 'vi' ? 'en' : 'vi'}>
      {t('language.switch')}
    </Button>
  );
}
