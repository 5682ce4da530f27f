// This PC's fingerprint in one line, where files are sent: the receiving PC compares it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { installation } from '../../db/installation';

export function OwnFingerprint() {
  const { t } = useTranslation();
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    void installation.identity().then((own) => setFingerprint(own.fingerprint));
  }, []);
  if (!fingerprint) return null;
  return (
    <p className="hint">
      {t('signature.ownFingerprintLine')}{' '}
      <span className="fingerprint" data-testid="own-fingerprint">
        {fingerprint}
      </span>
    </p>
  );
}
