import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../electron/core/contract';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
dayjs.locale('zh-cn');

/** Switches i18next, dayjs and the document language together (antd follows via ConfigProvider). */
export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}

export { i18n };
