// Who is working: pick a name with the arrow keys, type the PIN, Enter. After a lock the same
// officer is offered first, and anyone else can take over.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import { SignInWaitError } from '../../db/pin-keeper';
import type { Person } from '../../db/types';
import { errorText } from './error-text';
import { forgetFocus, restoreFocus } from './focus-memory';
import { lastOfficer, lockedFor, pinFailures, setPinFailures } from './officer-memory';
import { roleLabel } from './role-label';
import { delayAfterFailures } from './sign-in-delay';
import { PinInput } from './PinInput';

export function SignInScreen({ officers }: { officers: Person[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...officers].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const locked = lockedFor();
  const lockedOfficer = sorted.find((p) => p.id === locked);
  const [selectedId, setSelectedId] = useState(
    () => (lockedOfficer ?? sorted.find((p) => p.id === lastOfficer()) ?? sorted[0])?.id,
  );
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const startInList = !lockedOfficer;
  useEffect(() => {
    // A fresh start begins with choosing who is working (after a lock, with the PIN instead).
    if (startInList) listRef.current?.focus();
  }, [startInList]);
  const selected = sorted.find((p) => p.id === selectedId) ?? sorted[0];
  const selectedIndex = selected ? sorted.indexOf(selected) : -1;

  const choose = (index: number) => {
    const next = sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    if (next) setSelectedId(next.id);
    setMessage('');
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex - 1,
      Home: 0,
      End: sorted.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      choose(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pinRef.current?.focus();
    } else if (/^\d$/.test(event.key)) {
      // Typing the PIN straight away is the quick way in.
      event.preventDefault();
      setPin(event.key);
      pinRef.current?.focus();
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected || busy) return;
    if (pin === '') {
      // Enter on an empty PIN is not a wrong guess; just go where the PIN is typed.
      pinRef.current?.focus();
      return;
    }
    const failures = pinFailures(selected.id);
    const wait = failures.until - Date.now();
    if (wait > 0) {
      setMessage(t('officers.signIn.wait', { seconds: Math.ceil(wait / 1000) }));
      return;
    }
    setBusy(true);
    try {
      const signedIn = await repo.signIn(selected.id, pin);
      if (signedIn) {
        setPinFailures(selected.id, null);
        if (signedIn.id === lockedOfficer?.id) restoreFocus();
        else forgetFocus();
        return;
      }
      const count = failures.count + 1;
      const delay = delayAfterFailures(count);
      setPinFailures(selected.id, { count, until: Date.now() + delay });
      setPin('');
      setMessage(
        delay > 0
          ? t('officers.signIn.wrongPinWait', { seconds: Math.ceil(delay / 1000) })
          : t('officers.signIn.wrongPin'),
      );
      pinRef.current?.focus();
    } catch (error) {
      // On the desktop the main process counts wrong PINs too, and may not check this one yet.
      setMessage(
        error instanceof SignInWaitError
          ? t('officers.signIn.wait', { seconds: Math.ceil(error.waitMs / 1000) })
          : errorText(t, error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t('officers.signIn.heading')}</h1>
      {lockedOfficer && (
        <p role="status" className="sign-in-locked">
          {t('officers.signIn.locked', { name: lockedOfficer.name })}
        </p>
      )}
      <p className="hint">{t('officers.signIn.hint')}</p>
      <ul
        className="officer-list"
        role="listbox"
        aria-label={t('officers.signIn.list')}
        ref={listRef}
        tabIndex={0}
        aria-activedescendant={selected ? `officer-${selected.id}` : undefined}
        onKeyDown={onListKey}
      >
        {sorted.map((person, index) => (
          <li
            key={person.id}
            id={`officer-${person.id}`}
            role="option"
            aria-selected={person.id === selected?.id}
            onClick={() => {
              choose(index);
              pinRef.current?.focus();
            }}
          >
            <span className="officer-list-name">{person.name}</span>
            <span className="officer-list-role">{roleLabel(t, person.role)}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void submit(event)} className="sign-in-form">
        <label htmlFor="sign-in-pin">
          {selected ? t('officers.signIn.pinFor', { name: selected.name }) : t('officers.pin')}
        </label>
        <PinInput
          id="sign-in-pin"
          ref={pinRef}
          autoFocus={Boolean(lockedOfficer)}
          value={pin}
          aria-describedby="sign-in-message"
          onDigits={(digits) => {
            setPin(digits);
            setMessage('');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              listRef.current?.focus();
            }
          }}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('officers.signIn.submit')}
        </button>
        <p id="sign-in-message" role="alert" className="field-error">
          {message}
        </p>
      </form>
    </section>
  );
}
