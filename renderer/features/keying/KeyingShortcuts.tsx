import { useEffect, useState } from 'react';
import { ShortcutSheet } from '../entry';
import { viewerShortcuts } from '../scans';
import { doubleKeyingShortcuts } from './arbitration-keys';

/** F1 on the second keying's and the arbitration's screens: the same sheet as in the book. */
export function KeyingShortcuts() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F1') return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <ShortcutSheet
      open={open}
      onClose={() => setOpen(false)}
      extra={viewerShortcuts}
      groups={doubleKeyingShortcuts}
    />
  );
}
