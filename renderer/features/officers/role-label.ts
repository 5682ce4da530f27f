import type { TFunction } from 'i18next';
import type { OfficerRole } from '../../db/types';

/** Nhập liệu, Rà soát, Quản trị. */
export function roleLabel(t: TFunction, role: OfficerRole): string {
  return t(`officers.roles.${role}`);
}
