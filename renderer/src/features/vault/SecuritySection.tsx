import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/ipc/contract';
import type { RecoveryReason as AnyRecoveryReason } from '../../route';
import { NewRecoveryCodeForm } from './NewRecoveryCodeForm';
import { RotateKeyForm } from './RotateKeyForm';
import { WipeVaultForm } from './WipeVaultForm';

export type RecoveryReason = Exclude<AnyRecoveryReason, 'created'>;

interface Props {
  vaultPath: string;
  onChangePassphrase: () => void;
  onVerify: () => void;
  /** A new recovery code to show once, on the same screen as at vault creation. */
  onRecoveryCode: (code: string, reason: RecoveryReason) => void;
  onWiped: (report: Output<'vault:wipe'>) => void;
}

type Action = 'rotate' | 'recovery' | 'wipe';

/** Settings → Security: the passphrase, the key, the recovery code, verifying the vault, and wiping it. */
export function SecuritySection(props: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);

  if (open === 'rotate') {
    return (
      <Opened title={t('rotateKey.title')}>
        <RotateKeyForm vaultPath={props.vaultPath} onRotated={(code) => props.onRecoveryCode(code, 'rotated')} onCancel={close} />
      </Opened>
    );
  }
  if (open === 'recovery') {
    return (
      <Opened title={t('newRecovery.title')}>
        <NewRecoveryCodeForm onReplaced={(code) => props.onRecoveryCode(code, 'replaced')} onCancel={close} />
      </Opened>
    );
  }
  if (open === 'wipe') {
    return (
      <Opened title={t('wipe.title')}>
        <WipeVaultForm vaultPath={props.vaultPath} onWiped={props.onWiped} onCancel={close} />
      </Opened>
    );
  }
  return (
    <ul className="settings-section settings-actions" data-testid="settings-security">
      <ActionItem title={t('changePassphrase.title')} explain={t('security.passphraseExplain')} label={t('security.passphraseButton')} onClick={props.onChangePassphrase} testId="security-change-passphrase" />
      <ActionItem title={t('rotateKey.title')} explain={t('security.rotateExplain')} label={t('security.rotateButton')} onClick={() => setOpen('rotate')} testId="security-rotate-key" />
      <ActionItem title={t('newRecovery.title')} explain={t('security.recoveryExplain')} label={t('security.recoveryButton')} onClick={() => setOpen('recovery')} testId="security-new-recovery" />
      <ActionItem title={t('audit.title')} explain={t('security.verifyExplain')} label={t('security.verifyButton')} onClick={props.onVerify} testId="security-verify" />
      <ActionItem title={t('wipe.title')} explain={t('security.wipeExplain')} label={t('security.wipeButton')} onClick={() => setOpen('wipe')} testId="security-wipe" danger />
    </ul>
  );
}

function Opened({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <section className="settings-section" aria-label={title} data-testid="settings-security">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

interface ActionProps {
  title: string;
  explain: string;
  label: string;
  onClick: () => void;
  testId: string;
  danger?: boolean;
}

function ActionItem({ title, explain, label, onClick, testId, danger }: ActionProps): React.JSX.Element {
  return (
    <li className="settings-action">
      <div>
        <h3>{title}</h3>
        <p className="hint">{explain}</p>
      </div>
      <button type="button" className={danger ? 'button-danger-quiet' : undefined} onClick={onClick} data-testid={testId}>
        {label}
      </button>
    </li>
  );
}
