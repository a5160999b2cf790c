import type { Page } from '@playwright/test';
import { BundlePage } from './BundlePage';
import { CasesPage } from './CasesPage';
import { DeadlinesPage } from './DeadlinesPage';
import { DocumentsPage } from './DocumentsPage';
import { ImportPage } from './ImportPage';
import { LawsPage } from './LawsPage';
import { PersonsPage } from './PersonsPage';
import { RedactionReviewPage } from './RedactionReviewPage';
import { SuggestionsPage } from './SuggestionsPage';
import { ViewerPage } from './ViewerPage';

/**
 * The page objects of the library's screens, for a journey through several of them:
 * `const { imports, documents, viewer } = journeyPages(page);`
 */
export function journeyPages(page: Page) {
  return {
    imports: new ImportPage(page),
    documents: new DocumentsPage(page),
    viewer: new ViewerPage(page),
    suggestions: new SuggestionsPage(page),
    persons: new PersonsPage(page),
    deadlines: new DeadlinesPage(page),
    laws: new LawsPage(page),
    cases: new CasesPage(page),
    bundles: new BundlePage(page),
    review: new RedactionReviewPage(page),
  };
}
