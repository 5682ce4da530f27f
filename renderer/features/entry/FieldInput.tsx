import { useContext, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getCodeList, matchCode } from '../../../shared/registers';
import type { FieldDef } from '../../../shared/registers/types';
import { EntryLockContext } from './entry-lock';
import { isBookValueField, optionsFor, type BookValues } from './suggestions';

export interface FieldInputProps {
  field: FieldDef;
  id: string;
  /** The entry shown: a suggestion set aside in one entry is offered again in the next. */
  entryId: string;
  value: string;
  invalid: boolean;
  /** The previous entry's value, offered while the field is empty; Enter takes it. */
  suggestion: string | undefined;
  bookValues: BookValues | undefined;
  /** Shown in an empty code field: the same for all of them, translated once by the form. */
  codePlaceholder: string;
  onChange: (value: string) => void;
  onCommit: (value: string) => void;
}

const placeholders: Partial<Record<FieldDef['kind'], string>> = {
  date: 'dd.mm.yyyy',
};

/**
 * One form control. Code, place and signer fields list matches as the officer types (by code,
 * name or unaccented name), the first one preselected: Enter takes it, Escape or Tab keeps
 * the typed text. An empty field shows the carried-forward suggestion: Enter takes it,
 * Escape sets it aside. A filled field reached by the keyboard has its value selected, so
 * typing replaces it; a click places the caret.
 *
 * What the input carries stays the same while the officer types: the suggestion is drawn over
 * it, not put in its placeholder, class or description, and its hint and the field's issues
 * reach screen readers when the field is focused (FieldAnnouncer). Chrome's autofill takes any
 * change to those as a new form and parses all seventy fields again; typing fast, those parses
 * pile up and keep a core busy long after, which every keystroke and Ctrl+Enter then waits on.
 */
export function FieldInput(props: FieldInputProps) {
  const { field, id, entryId, value, invalid, bookValues, codePlaceholder } = props;
  const isLocked = useContext(EntryLockContext);
  // Escape on an empty field sets the suggestion aside, so Enter leaves the field empty.
  const [dismissedIn, setDismissedIn] = useState<string | null>(null);
  const suggestion = dismissedIn === entryId ? undefined : props.suggestion;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Set when Enter took an option: the blur that follows must not commit the typed text.
  const taken = useRef(false);
  // Set by a press of the mouse: the focus that follows keeps the caret where it was clicked.
  const pointed = useRef(false);
  const hasOptions = field.codeListId !== undefined || isBookValueField(field);
  const options = useMemo(
    () => (open && hasOptions ? optionsFor(field, value, bookValues) : []),
    [open, hasOptions, field, value, bookValues],
  );
  const list = field.codeListId ? getCodeList(field.codeListId) : undefined;
  const meaning =
    list?.writes === 'code' && value !== '' ? matchCode(list, value)?.label : undefined;
  const isSuggested = Boolean(suggestion) && value === '';
  const listId = `${id}-options`;
  const shown = options.length > 0;
  const activeIndex = Math.min(active, options.length - 1);

  const take = (chosen: string) => {
    taken.current = true;
    setOpen(false);
    props.onCommit(chosen);
  };

  return (
    <div className={isSuggested ? 'field-control has-suggestion' : 'field-control'}>
      <input
        id={id}
        className={list?.writes === 'code' ? 'code-input' : undefined}
        data-field={field.key}
        role={hasOptions ? 'combobox' : undefined}
        aria-expanded={hasOptions ? shown : undefined}
        aria-controls={hasOptions ? listId : undefined}
        aria-autocomplete={hasOptions ? 'list' : undefined}
        aria-activedescendant={shown ? `${listId}-${activeIndex}` : undefined}
        aria-invalid={invalid || undefined}
        aria-required={field.required || undefined}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={list ? codePlaceholder : placeholders[field.kind]}
        inputMode={field.kind === 'number' ? 'numeric' : undefined}
        value={value}
        readOnly={isLocked || undefined}
        onMouseDown={() => {
          pointed.current = true;
        }}
        onFocus={(event) => {
          taken.current = false;
          // Reached by the keyboard, a filled field is selected, as in a spreadsheet: what the
          // officer types replaces the value instead of running on from its end.
          if (!pointed.current) event.currentTarget.select();
          pointed.current = false;
        }}
        onChange={(event) => {
          setOpen(true);
          setActive(0);
          props.onChange(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.ctrlKey || event.altKey || event.metaKey) return;
          if (event.key === 'ArrowDown' && shown) {
            event.preventDefault();
            setActive((activeIndex + 1) % options.length);
          } else if (event.key === 'ArrowUp' && shown) {
            event.preventDefault();
            setActive((activeIndex - 1 + options.length) % options.length);
          } else if (event.key === 'Escape' && shown) {
            event.preventDefault();
            setOpen(false);
          } else if (event.key === 'Escape' && suggestion && value === '') {
            event.preventDefault();
            setDismissedIn(entryId);
          } else if (event.key === 'Enter' && !event.shiftKey) {
            // The form moves on to the next field after this; take the choice first.
            const option = shown ? options[activeIndex] : undefined;
            if (option) take(option.value);
            else if (suggestion && value === '') take(suggestion);
          }
        }}
        onBlur={(event) => {
          setOpen(false);
          if (taken.current) {
            taken.current = false;
            return;
          }
          props.onCommit(event.target.value);
        }}
      />
      {isSuggested && (
        <span className="field-suggestion" aria-hidden="true">
          {suggestion}
        </span>
      )}
      {meaning && (
        <span className="code-meaning" title={meaning}>
          {meaning}
        </span>
      )}
      {isSuggested && suggestion && <SuggestionHint value={suggestion} />}
      {hasOptions && (
        <ul id={listId} role="listbox" className="field-options" hidden={!shown}>
          {options.map((option, index) => (
            <li
              key={option.value}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              // mousedown, not click: the input must not blur (and commit) first.
              onMouseDown={(event) => {
                event.preventDefault();
                take(option.value);
              }}
            >
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** How to take the suggestion, for screen readers (read out by FieldAnnouncer). */
function SuggestionHint({ value }: { value: string }) {
  const { t } = useTranslation();
  return <span className="visually-hidden field-hint">{t('entry.suggestionHint', { value })}</span>;
}
