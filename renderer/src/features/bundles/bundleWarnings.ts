import type { TFunction } from 'i18next';
import type { BundleWarning } from '../../../../shared/domain/bundle';

/**
 * A bundle plan's warning in the lawyer's language: the core says what (a code and the page, the title,
 * the characters), the interface says it in words.
 */
export function warningWords(t: TFunction, warning: BundleWarning): string {
  switch (warning.code) {
    case 'page-unread': {
      const what = t(warning.state === 'pending' ? 'bundles.warnings.pagePending' : 'bundles.warnings.pageFailed', { page: warning.page, title: warning.title });
      return t('bundles.warnings.pageUnread', { what, outcome: t(`bundles.warnings.outcome.${warning.outcome}`) });
    }
    case 'unprintable': {
      const where = t(`bundles.warnings.where.${warning.where}`, { title: warning.title ?? '', page: warning.page ?? '' });
      return t('bundles.warnings.unprintable', { where, characters: warning.characters.map((cluster) => `«${cluster}»`).join(', ') });
    }
  }
}
