import { useVaultModel, useVaultView } from '../vault/index.js';
import type { SafetyRecords } from './records.js';

/** The open profile's records for the safety features, or `undefined` while nothing is unlocked. */
export function useSafetyRecords(): SafetyRecords | undefined {
  const view = useVaultView();
  const model = useVaultModel();
  return view.status === 'unlocked' ? model.records() : undefined;
}
