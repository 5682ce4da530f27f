import { useRef } from 'react';
import { SOHOA_FILE_ACCEPT } from './file-names';

/** A button that opens the file picker for a .sohoa file (a backup or a work package). */
export function SohoaFileButton({
  label,
  onFile,
}: {
  label: string;
  onFile: (file: File) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()}>
        {label}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={SOHOA_FILE_ACCEPT}
        hidden
        aria-label={label}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so picking the same file again is noticed.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
