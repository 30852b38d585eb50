import { DAY_MS, HOUR_MS, DEFAULT_ADMISSION_CONFIG, isOnProbation, type AdmissionConfig, type CommunityMember } from '@lamplight/domain';
import type { CommunitySettings } from '@lamplight/protocol';
import type { AccountRow } from '@lamplight/storage';

/** The domain's admission settings, from the community's stored settings. */
export function admissionConfig(settings: CommunitySettings): AdmissionConfig {
  return {
    ...DEFAULT_ADMISSION_CONFIG,
    invitationTtlMs: settings.invitationTtlHours * HOUR_MS,
    weeklyInvitationQuota: settings.invitationQuotaPerWeek,
    probationMs: settings.probationDays * DAY_MS,
  };
}

/**
 * An account as the domain's admission rules see it. The row keeps when the
 * member's probation ends (fixed when they joined, so a later change of the
 * setting does not move it) rather than the exact admission time, so the
 * admission time is read back from it: `probationEndsAt` then gives exactly
 * the stored end.
 */
export function asCommunityMember(account: Pick<AccountRow, 'id' | 'role' | 'probationUntil'>, config: AdmissionConfig): CommunityMember {
  return { id: account.id, role: account.role, admittedAt: account.probationUntil - config.probationMs };
}

/** Is this account on probation now? (Stewards never are.) */
export function accountOnProbation(account: Pick<AccountRow, 'id' | 'role' | 'probationUntil'>, now: number, config: AdmissionConfig): boolean {
  return isOnProbation(asCommunityMember(account, config), now, config);
}
