import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/ipc/contract';
import { ISO_DAYS, type DayStyle } from './dayInput';

/** The lawyer's setting for dates (Settings.dateFormat), given by the App to every screen. */
export const DateFormatContext = createContext<Settings['dateFormat']>('language');

/** How this window writes days now: ISO when the lawyer chose it, else the interface language's way. */
export function useDayStyle(): DayStyle {
  const format = useContext(DateFormatContext);
  const { i18n } = useTranslation();
  return format === 'iso' ? ISO_DAYS : i18n.language;
}
