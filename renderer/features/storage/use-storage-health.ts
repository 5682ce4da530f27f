// Reads the space figures when the app opens, every STORAGE_CHECK_MS, and again after a
// failed write, so a warning appears before the disk is full rather than after.
import { useEffect, useState } from 'react';
import { platform } from '../../platform/platform';
import { useUiStore } from '../../store/ui-store';
import {
  assessStorage,
  STORAGE_CHECK_MS,
  type StorageFigures,
  type StorageHealth,
} from './storage-health';

export async function readStorageFigures(): Promise<StorageFigures> {
  const [estimate, disk] = await Promise.all([
    navigator.storage?.estimate ? navigator.storage.estimate().catch(() => null) : null,
    platform.getDiskSpace().catch(() => null),
  ]);
  return {
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    diskFree: disk?.free ?? null,
  };
}

export function useStorageHealth(): StorageHealth | null {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const checkSeq = useUiStore((state) => state.storageCheckSeq);
  useEffect(() => {
    let isCurrent = true;
    const check = () => {
      void readStorageFigures().then((figures) => {
        if (isCurrent) setHealth(assessStorage(figures));
      });
    };
    check();
    const timer = setInterval(check, STORAGE_CHECK_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [checkSeq]);
  return health;
}
