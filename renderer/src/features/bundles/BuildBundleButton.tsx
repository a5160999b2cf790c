import { useTranslation } from 'react-i18next';

interface Props {
  onClick: () => void;
  /** "Build bundle…" on a person's or a case's page; "Bundle these results…" under a search; "Bundle these documents…" over a filtered library. */
  label?: keyof typeof LABELS;
  disabled?: boolean;
}

const LABELS = {
  build: { key: 'bundles.build', testId: 'build-bundle' },
  results: { key: 'bundles.bundleResults', testId: 'bundle-results' },
  documents: { key: 'bundles.bundleDocuments', testId: 'bundle-documents' },
} as const;

/** Where a bundle starts: the wizard opens with the documents of the person, the case or the search. */
export function BuildBundleButton({ onClick, label = 'build', disabled }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={onClick} disabled={disabled} data-testid={LABELS[label].testId}>
      {t(LABELS[label].key)}
    </button>
  );
}
