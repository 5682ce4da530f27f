// Turns a refusal from the data layer into words an officer can act on.
import type { TFunction } from 'i18next';
import { isWorkflowError } from '../../db/workflow-error';

export function errorText(t: TFunction, error: unknown): string {
  if (isWorkflowError(error)) return t(`workflow.errors.${error.code}`);
  const detail = error instanceof Error ? error.message : String(error);
  return t('workflow.errors.unexpected', { detail });
}
