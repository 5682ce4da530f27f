// Moving a book to another template version of its register: a preview of which columns carry
// over, which are added empty and which are dropped, before anything changes. Dropping a column
// that holds data needs the officer to tick that they agree; the data layer refuses otherwise.
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { fieldByKey, getTemplate } from '../../../shared/registers';
import {
  migrationTargets,
  planTemplateMigration,
} from '../../../shared/registers/template-migration';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { fieldLabel } from '../../locales/field-label';
import { entryReads, useLiveQuery } from '../../db/reads';

/** "Khai sinh — 70 cột": what the officer knows a template by. */
export function useTemplateName(): (template: RegisterTemplate) => string {
  const { t } = useTranslation();
  return (template) =>
    t('templateMove.version', { name: template.name, columns: template.fields.length });
}

export function TemplateVersionDialog({
  book,
  onClose,
  onMoved,
}: {
  book: Book;
  onClose: () => void;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const templateName = useTemplateName();
  const from = getTemplate(book.templateVersion);
  const targets = migrationTargets(from);
  const [toVersion, setToVersion] = useState(targets[0]?.version ?? '');
  const [isAgreed, setIsAgreed] = useState(false);
  const [isMoving, setIsMoving] = useState(false);
  const records = useLiveQuery(() => entryReads.entriesOfBook(book.id), [book.id]);
  const to = targets.find((target) => target.version === toVersion);
  const plan = to && records ? planTemplateMigration(from, to, records) : null;
  const labelOf = (template: RegisterTemplate, key: string) =>
    fieldLabel(t, fieldByKey(template, key) ?? { key, label: key });

  const move = async () => {
    if (!to || !plan) return;
    setIsMoving(true);
    try {
      await repo.moveBookToTemplate(book.id, to.version, { allowDataLoss: isAgreed });
      notify('info', t('templateMove.done', { to: templateName(to) }));
      onMoved();
    } catch (error) {
      notify('error', t('templateMove.failed', { detail: String(error) }));
      setIsMoving(false);
    }
  };

  // Rendered at the body: the book settings' form around the opener must not become this
  // form's parent, or submitting one would submit both.
  return createPortal(
    <dialog
      ref={(dialog) => {
        if (dialog && !dialog.open) dialog.showModal();
      }}
      className="dialog dialog-wide"
      aria-labelledby="template-move-title"
      onClose={(event) => {
        // React hands "close" on to the settings dialog around the opener: it stays open.
        event.stopPropagation();
        onClose();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // React passes events up its own tree, portals included: keep the settings form out.
          event.stopPropagation();
          void move();
        }}
      >
        <h2 id="template-move-title">{t('templateMove.title')}</h2>
        <p>{t('templateMove.current', { name: templateName(from) })}</p>
        <label className="form-grid-row">
          <span>{t('templateMove.target')}</span>
          <select
            value={toVersion}
            autoFocus
            onChange={(event) => {
              setToVersion(event.target.value);
              setIsAgreed(false);
            }}
          >
            {targets.map((target) => (
              <option key={target.version} value={target.version}>
                {templateName(target)}
              </option>
            ))}
          </select>
        </label>
        {plan && to && (
          <section aria-label={t('templateMove.preview')}>
            <p>{t('templateMove.mapped', { n: plan.mapped.length })}</p>
            {plan.added.length > 0 && (
              <>
                <p>{t('templateMove.added', { n: plan.added.length })}</p>
                <ul aria-label={t('templateMove.added', { n: plan.added.length })}>
                  {plan.added.map((key) => (
                    <li key={key}>{labelOf(to, key)}</li>
                  ))}
                </ul>
              </>
            )}
            {plan.dropped.length > 0 && (
              <>
                <p>{t('templateMove.dropped', { n: plan.dropped.length })}</p>
                <ul aria-label={t('templateMove.dropped', { n: plan.dropped.length })}>
                  {plan.dropped.map((field) => (
                    <li key={field.key}>
                      {labelOf(from, field.key)}
                      {field.entriesWithData > 0 &&
                        ` — ${t('templateMove.withData', { n: field.entriesWithData })}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {plan.losesData && (
              <>
                <p role="alert">{t('templateMove.losesData')}</p>
                <label>
                  <input
                    type="checkbox"
                    checked={isAgreed}
                    onChange={(event) => setIsAgreed(event.target.checked)}
                  />{' '}
                  {t('templateMove.agree')}
                </label>
              </>
            )}
          </section>
        )}
        <div className="dialog-actions">
          <button
            type="submit"
            className="primary"
            disabled={!plan || isMoving || (plan.losesData && !isAgreed)}
          >
            {t('templateMove.confirm')}
          </button>
          {/* Closing the dialog itself first, so the page is no longer inert when the
              keyboard is handed back to the opener (onClose runs on its close event). */}
          <button type="button" onClick={(event) => event.currentTarget.closest('dialog')?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}

/** The book settings' line about its template, with the way to another version if any. */
export function TemplateSection({ book, onMoved }: { book: Book; onMoved: () => void }) {
  const { t } = useTranslation();
  const templateName = useTemplateName();
  const [isOpen, setIsOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const template = getTemplate(book.templateVersion);
  const hasTargets = migrationTargets(template).length > 0;
  return (
    <fieldset className="template-section">
      <legend>{t('templateMove.section')}</legend>
      {templateName(template)}{' '}
      {hasTargets && (
        <button ref={openerRef} type="button" onClick={() => setIsOpen(true)}>
          {t('templateMove.open')}
        </button>
      )}
      {isOpen && (
        <TemplateVersionDialog
          book={book}
          onClose={() => {
            setIsOpen(false);
            // Back to the button that opened it, inside the settings dialog still open.
            openerRef.current?.focus();
          }}
          onMoved={() => {
            setIsOpen(false);
            onMoved();
          }}
        />
      )}
    </fieldset>
  );
}
