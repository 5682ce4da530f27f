import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isStatusFilter, type StatusFilter, statusFilters } from '../../db/reads';

interface Props {
  searchText: string;
  onSearchText: (text: string) => void;
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
  /** Opens the entry with that number; resolves false when the book has none. */
  onJump: (typed: string) => Promise<boolean>;
  /** ArrowDown from the search box: carry on into the results. */
  onEnterList: () => void;
}

/** Search, status filter and "go to number" above the entry list. */
export function ListToolbar({
  searchText,
  onSearchText,
  status,
  onStatus,
  onJump,
  onEnterList,
}: Props) {
  const { t } = useTranslation();
  const [jumpText, setJumpText] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const missingId = useId();

  const jump = async () => {
    const typed = jumpText.trim();
    if (typed === '') return;
    if (!(await onJump(typed))) setMissing(typed);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onEnterList();
    }
  };

  return (
    <div className="list-toolbar">
      <label className="list-search">
        <span>{t('entryList.search')}</span>
        <input
          type="search"
          value={searchText}
          placeholder={t('entryList.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onSearchText(event.target.value)}
          onKeyDown={onSearchKey}
        />
      </label>
      <label>
        <span>{t('entryList.statusFilter')}</span>
        <select
          value={status}
          onChange={(event) => {
            if (isStatusFilter(event.target.value)) onStatus(event.target.value);
          }}
        >
          {statusFilters.map((value) => (
            <option key={value} value={value}>
              {value === 'all' ? t('entryList.statusAll') : t(`entry.status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="list-jump">
        <span>{t('entryList.jump')}</span>
        <input
          type="text"
          inputMode="numeric"
          value={jumpText}
          autoComplete="off"
          aria-describedby={missing === null ? undefined : missingId}
          onChange={(event) => {
            setJumpText(event.target.value);
            setMissing(null);
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            void jump();
          }}
        />
      </label>
      {missing !== null && (
        <p id={missingId} className="issue-warning list-jump-missing" role="alert">
          {t('entryList.jumpMissing', { so: missing })}
        </p>
      )}
    </div>
  );
}
