// The app's commands, typed with the generated bindings. Every change returns the new snapshot.
import { invoke } from '@tauri-apps/api/core'
import type {
  ActivityFields,
  AppError,
  Assessment,
  ExportSummary,
  PlanDto,
  Preview,
  ProfileDto,
  SavedActivity,
  Snapshot,
  VerifyView,
} from './bindings'

/** Whether a command failed because the user stopped it (nothing happened, nothing is wrong). */
export function isCancelled(e: unknown): boolean {
  return !!e && typeof e === 'object' && 'code' in e && (e as AppError).code === 'cancelled'
}

/** The message to show for a failed command: the app's Chinese message when there is one. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as AppError).message)
  if (typeof e === 'string') return e
  return '操作未完成，请重试'
}

export const api = {
  snapshot: () => invoke<Snapshot>('snapshot'),
  saveProfile: (profile: ProfileDto) => invoke<Snapshot>('save_profile', { profile }),
  savePlan: (plan: PlanDto) => invoke<Snapshot>('save_plan', { plan }),
  /** Answers with the saved record's id (a new record's is given by the app) and the new snapshot. */
  saveActivity: (fields: ActivityFields) => invoke<SavedActivity>('save_activity', { fields }),
  removeActivity: (id: string) => invoke<Snapshot>('remove_activity', { id }),
  previewActivity: (fields: ActivityFields) => invoke<Preview>('preview_activity', { fields }),
  attachByDialog: (activity: string, material: string) => invoke<Snapshot>('attach_by_dialog', { activity, material }),
  attachDropped: (token: number, activity: string, material: string) =>
    invoke<Snapshot>('attach_dropped', { token, activity, material }),
  detachEvidence: (seq: number) => invoke<Snapshot>('detach_evidence', { seq }),
  openEvidence: (seq: number) => invoke<void>('open_evidence', { seq }),
  compareRules: (ids: string[]) => invoke<Assessment[]>('compare_rules', { ids }),
  loadRuleFile: () => invoke<Snapshot>('load_rule_file'),
  backupNow: () => invoke<string>('backup_now'),
  restoreBackup: () => invoke<Snapshot>('restore_backup'),
  verifyVault: () => invoke<VerifyView>('verify_vault'),
  importFile: (skipBadRows: boolean) => invoke<string>('import_file', { skipBadRows }),
  /** Opens the demo as it was left; `reset` first puts it back as it was shipped (ask the user). */
  openDemo: (reset = false) => invoke<Snapshot>('open_demo', { reset }),
  closeDemo: () => invoke<Snapshot>('close_demo'),
  exportPackage: (maskId: boolean, incompletePage: boolean) =>
    invoke<ExportSummary | null>('export_package', { maskId, incompletePage }),
  cancelExport: () => invoke<void>('cancel_export'),
  revealExport: () => invoke<void>('reveal_export'),
}
