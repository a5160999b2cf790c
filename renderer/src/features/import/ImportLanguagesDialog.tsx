import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcrLanguage } from '../../../../shared/domain/document';
import { Modal } from '../../ui/Modal';
import { LanguageChoice } from './LanguageChoice';
import { FormActions } from '../../ui/FormActions';

interface Props {
  languages: OcrLanguage[];
  onSave: (languages: OcrLanguage[]) => void;
  onClose: () => void;
}

/** The languages new imports are read in; documents already in the vault keep theirs. */
export function ImportLanguagesDialog({ languages, onSave, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(languages);
  const [tried, setTried] = useState(false);
  const problem = tried && chosen.length === 0 ? t('import.languagesNone') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (chosen.length === 0) return;
    onSave(chosen);
    onClose();
  };

  return (
    <Modal title={t('import.languagesTitle')} onClose={onClose} testId="import-languages-dialog">
      <form onSubmit={submit}>
        <LanguageChoice value={chosen} onChange={setChosen} problem={problem} />
        <FormActions submit={t('common.save')} busy={false} onCancel={onClose} testId="import-languages-save" />
      </form>
    </Modal>
  );
}
