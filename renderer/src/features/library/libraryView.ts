/** How the library shows its documents: cards with a preview, or one line each. */
export const LIBRARY_VIEWS = ['grid', 'list'] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];
