import type { TFunction } from 'i18next';
import { isWorkflowError } from '../../db/workflow-error';

/** A refusal from the data layer in the officer's words; anything else with its detail. */
export function workflowErrorText(t: TFunction, error: unknown): string {
  if (isWorkflowError(error)) return t(`review.errors.${error.code}`);
  return t('review.errors.unexpected', { detail: String(error) });
}
