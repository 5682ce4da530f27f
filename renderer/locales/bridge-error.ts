// Words a refusal from the bridge (or from the browser's own file code) in the officer's
// language: `bridgeErrors.<code>` with the error's params. Main only ever sends the code.
import i18next from 'i18next';
import type { BridgeError } from '../../shared/bridge-errors';

export function bridgeErrorText(error: BridgeError): string {
  const key = `bridgeErrors.${error.code}`;
  const text = i18next.t(key, error.params);
  // Never a blank message: before the words are loaded, the code says what happened.
  return text && text !== key ? text : `${error.code} ${JSON.stringify(error.params)}`;
}
