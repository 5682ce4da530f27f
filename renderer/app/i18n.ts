import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translations } from '../locales/resources';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const stored = localStorage.getItem('sohoa.language');
const initial: Language = stored === 'en' ? 'en' : 'vi';

void i18next.use(initReactI18next).init({
  resources: {
    vi: { translation: translations.vi },
    en: { translation: translations.en },
  },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem('sohoa.language', language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18next;
