import type { Law } from '../../../../shared/domain/tagging';

/** The migration law most refusals cite (Article 49 of Law No. 477-IV), as the register holds it: for the viewer's tests. */
export const MIGRATION_LAW: Law = {
  id: 'KZ-477-IV',
  number: '477-IV',
  kind: 'law',
  date: '2011-07-22',
  title: { en: 'On Migration of Population', ru: 'О миграции населения', kk: 'Халықтың көші-қоны туралы' },
  aliases: [],
};
