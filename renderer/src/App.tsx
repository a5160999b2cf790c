import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, Settings, VaultStatus } from '../../shared/ipc/contract';
import type { DalelError, Result } from '../../shared/ipc/errors';
import { RestoreScreen } from './features/backup/RestoreScreen';
import { LibraryShell } from './features/library/LibraryShell';
import { CreateVaultScreen } from './features/vault/CreateVaultScreen';
import type { DemoOpening } from './features/vault/DemoOffer';
import { RecoveryCodeScreen } from './features/vault/RecoveryCodeScreen';
import { UnlockScreen } from './features/vault/UnlockScreen';
import { useActivityReporting } from './features/vault/useActivityReporting';
import { pickLanguage, type Language } from './i18n/language';
import { describeError, type ErrorText } from './ipc/errorMessages';
import { request } from './ipc/request';
import { detourAfter, route, type Detour } from './route';
import { ErrorAlert } from './ui/ErrorAlert';
import { DateFormatContext } from './ui/dayStyle';

interface Props {
  initialSettings: Settings;
}

export function App({ initialSettings }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [detour, setDetour] = useState<Detour>(null);
  const [settings, setSettings] = useState(initialSettings);
  const [startError, setStartError] = useState<DalelError | null>(null);
  // What a wipe from Settings destroyed, said on the first-run screen until the lawyer moves on.
  const [wiped, setWiped] = useState<Output<'vault:wipe'> | null>(null);
  // Opened with the recovery code: the library asks for a new passphrase at once (then forgets the code).
  const [recovered, setRecovered] = useState<string | null>(null);
  // "Try Dalel with sample documents": busy until the sample files are stored, or why it failed. Kept
  // here, not in a screen, because the screen that asked is gone once the demo vault opens.
  const [demoOpening, setDemoOpening] = useState<{ busy: boolean; error: ErrorText | null }>({ busy: false, error: null });

  const applyStatus = useCallback((next: VaultStatus) => {
    setStatus(next);
    if (next.state === 'unlocked') setWiped(null);
    setDetour((current) => detourAfter(current, next));
  }, []);

  const showLoaded = useCallback(
    (loaded: Result<VaultStatus>) => {
      if (loaded.ok) {
        setStartError(null);
        applyStatus(loaded.value);
      } else {
        setStartError(loaded.error);
      }
    },
    [applyStatus],
  );

  useEffect(() => {
    // Subscribe before asking, so a change between the answer and the subscription is not missed.
    const unsubscribe = window.dalel.on('vault:statusChanged', applyStatus);
    let live = true;
    void request(() => window.dalel.vault.status()).then((loaded) => live && showLoaded(loaded));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [applyStatus, showLoaded]);

  const retryStart = async () => showLoaded(await request(() => window.dalel.vault.status()));

  useActivityReporting(status?.state === 'unlocked');

  const saveSettings = async (change: Partial<Settings>): Promise<Result<Settings>> => {
    const saved = await request(() => window.dalel.settings.update(change));
    if (saved.ok) {
      setSettings(saved.value);
      await i18n.changeLanguage(pickLanguage(saved.value.language, navigator.languages));
    }
    return saved;
  };

  const chooseLanguage = async (language: Language | null) => {
    const saved = await saveSettings({ language });
    // Not kept for next time, but the lawyer can still read this session in the language they chose.
    if (!saved.ok) await i18n.changeLanguage(pickLanguage(language, navigator.languages));
  };

  const createVault = async (path: string, passphrase: string) => {
    setDetour({ to: 'create' });
    const created = await request(() => window.dalel.vault.create({ path, passphrase }));
    if (created.ok) {
      applyStatus(created.value.status);
      setDetour({ to: 'recovery', code: created.value.recoveryCode });
    }
    return created;
  };

  const openDemo = async () => {
    setDemoOpening({ busy: true, error: null });
    const opened = await request(() => window.dalel.vault.openDemo({ language: pickLanguage(i18n.resolvedLanguage, []) }));
    if (!opened.ok) {
      setDemoOpening({ busy: false, error: describeError(t, opened.error) });
      return;
    }
    setDemoOpening({ busy: false, error: null });
    setDetour(null);
    applyStatus(opened.value.status);
  };
  const demo: DemoOpening = { ...demoOpening, open: () => void openDemo() };

  if (startError) {
    return (
      <main className="screen" data-testid="start-error">
        <section className="panel">
          <h1>{t('app.startFailed')}</h1>
          <ErrorAlert error={describeError(t, startError)} />
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => void retryStart()}>
              {t('app.retry')}
            </button>
          </div>
        </section>
      </main>
    );
  }

  const current = route(status, detour);
  // Every screen writes days the way the lawyer chose (Settings.dateFormat).
  return <DateFormatContext.Provider value={settings.dateFormat}>{screenFor(current)}</DateFormatContext.Provider>;

  function screenFor(current: ReturnType<typeof route>): React.JSX.Element {
    switch (current.screen) {
      case 'loading':
        return (
          <main className="screen" aria-busy="true" data-testid="loading-screen">
            <p className="hint">{t('app.loading')}</p>
          </main>
        );
      case 'create':
        return (
          <CreateVaultScreen
            defaultPath={status?.defaultPath ?? ''}
            onCreate={createVault}
            onCancel={current.canGoBack ? () => setDetour(null) : undefined}
            onOpenExisting={(path) => setDetour({ to: 'unlock', path })}
            onRestore={() => setDetour({ to: 'restore' })}
            demo={demo}
            wiped={wiped}
            language={settings.language}
            onLanguage={(language) => void chooseLanguage(language)}
          />
        );
      case 'recovery':
        return <RecoveryCodeScreen code={current.code} reason={current.reason} onDone={() => setDetour(null)} />;
      case 'restore':
        return (
          <RestoreScreen
            onBack={() => setDetour(null)}
            onOpened={applyStatus}
            language={settings.language}
            onLanguage={(language) => void chooseLanguage(language)}
          />
        );
      case 'unlock':
        return (
          <UnlockScreen
            // A different vault is a fresh form: nothing typed for one vault is sent to another.
            key={current.path}
            path={current.path}
            // Why the last vault was locked says nothing about another one the lawyer is opening.
            lockReason={status?.path === current.path ? status.lockReason : null}
            autoLockMinutes={settings.autoLockMinutes}
            onUnlocked={(next, recoveryCode) => {
              setRecovered(recoveryCode ?? null);
              applyStatus(next);
            }}
            onOpenOther={(path) => setDetour({ to: 'unlock', path })}
            onCreateNew={() => setDetour({ to: 'create' })}
            onRestore={() => setDetour({ to: 'restore' })}
            isDemo={status !== null && current.path === status.demoPath}
            demo={demo}
            language={settings.language}
            onLanguage={(language) => void chooseLanguage(language)}
          />
        );
      case 'library':
        return (
          <LibraryShell
            vaultPath={current.path}
            demo={status?.demo === true}
            settings={settings}
            onSaveSettings={saveSettings}
            onLocked={applyStatus}
            onRecoveryCode={(code, reason) => setDetour({ to: 'recovery', code, reason })}
            onWiped={setWiped}
            recoveredWith={recovered}
            onRecoveredHandled={() => setRecovered(null)}
          />
        );
    }
  }
}
