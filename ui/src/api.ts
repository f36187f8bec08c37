// The app's commands, typed with the generated bindings. Every change returns the new snapshot.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core'
import type {
  About,
  ActivityFields,
  AppError,
  Assessment,
  BackupEntry,
  Command,
  EvidenceBookSummary,
  ExportSummary,
  FolderReview,
  Finding,
  KeepFinding,
  PlanDto,
  Preview,
  ProfileDto,
  Reminder,
  RuleGuide,
  SavedActivity,
  ScanForm,
  Settings,
  ZoomStep,
  Snapshot,
  UploadKitSummary,
  VerifyView,
} from './bindings'
import { PASTED_NAME_HEADER } from './bindings'

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

/** Calls one of the app's commands: only names of the generated `Command` list type-check. */
function call<T>(command: Command, args?: InvokeArgs): Promise<T> {
  return invoke<T>(command, args)
}

/**
 * The snapshot for the first screen (the dashboard's numbers without the records, `complete`
 * false): the one `index.html` asked for while the scripts loaded, taken once (a retry asks
 * again); outside the app, or when the page did not ask, a new request.
 */
export function firstSnapshot(): Promise<Snapshot> {
  const page = window as { __xueshiFirstSnapshot?: Promise<Snapshot> }
  const asked = page.__xueshiFirstSnapshot
  delete page.__xueshiFirstSnapshot
  return asked ?? api.firstScreen()
}

export const api = {
  snapshot: () => call<Snapshot>('snapshot'),
  /** The snapshot without the records, to draw the dashboard at once; the full one follows. */
  firstScreen: () => call<Snapshot>('first_screen'),
  saveProfile: (profile: ProfileDto) => call<Snapshot>('save_profile', { profile }),
  savePlan: (plan: PlanDto) => call<Snapshot>('save_plan', { plan }),
  /** Answers with the saved record's id (a new record's is given by the app) and the new snapshot. */
  saveActivity: (fields: ActivityFields) => call<SavedActivity>('save_activity', { fields }),
  removeActivity: (id: string) => call<Snapshot>('remove_activity', { id }),
  /** Puts back the record removed last (this session), with its evidence. */
  undoRemove: () => call<SavedActivity>('undo_remove'),
  previewActivity: (fields: ActivityFields) => call<Preview>('preview_activity', { fields }),
  attachByDialog: (activity: string, material: string) => call<Snapshot>('attach_by_dialog', { activity, material }),
  attachDropped: (token: number, activity: string, material: string) => call<Snapshot>('attach_dropped', { token, activity, material }),
  /** 读取证书: what the one certificate just dropped suggests for a new record (the file stays waiting to be attached). */
  scanDropped: (token: number) => call<ScanForm>('scan_dropped', { token }),
  /** A file or picture pasted into the window (Ctrl+V): sent as it is, then announced as a drop. */
  pasteFile: (name: string, bytes: Uint8Array) =>
    invoke<void>('paste_file' satisfies Command, bytes, { headers: { [PASTED_NAME_HEADER]: encodeURIComponent(name) } }),
  /** Saves the record a dropped certificate suggested, as edited, with that file attached. */
  acceptDropped: (token: number, fields: ActivityFields) => call<SavedActivity>('accept_dropped', { token, fields }),
  /** 从文件夹读取证书: the certificates of the folder the user picks, for the review table; `null` when the dialog was closed. */
  scanFolder: () => call<FolderReview | null>('scan_folder'),
  /** Saves the record `fields` give for the file `index` of the folder read as `token`, with that file attached. */
  acceptScanned: (token: number, index: number, fields: ActivityFields) =>
    call<SavedActivity>('accept_scanned', { token, index, fields }),
  detachEvidence: (seq: number) => call<Snapshot>('detach_evidence', { seq }),
  openEvidence: (seq: number) => call<void>('open_evidence', { seq }),
  compareRules: (ids: string[]) => call<Assessment[]>('compare_rules', { ids }),
  /** 规则说明 of one rule set, worded by the app. */
  ruleGuide: (id: string) => call<RuleGuide>('rule_guide', { id }),
  /** 预审 of the current plan: what a reviewer would question (none without a plan). */
  review: () => call<Finding[]>('review'),
  loadRuleFile: () => call<Snapshot>('load_rule_file'),
  /** A backup now, as the list shows it (its date and why it was made). */
  backupNow: () => call<BackupEntry>('backup_now'),
  /** The backups, newest first. */
  listBackups: () => call<BackupEntry[]>('list_backups'),
  /** Restores a backup the user picks in a file dialog (one from elsewhere). */
  restoreBackup: () => call<Snapshot>('restore_backup'),
  /** Restores one of the listed backups, by the name the list gave. */
  restoreListedBackup: (name: string) => call<Snapshot>('restore_listed_backup', { name }),
  openDataFolder: () => call<void>('open_data_folder'),
  /** Moves the data folder where the user picks; the snapshot there, or null when cancelled. */
  moveDataFolder: () => call<Snapshot | null>('move_data_folder'),
  /** Goes on with a data folder made earlier, which the user picks; null when cancelled. */
  useExistingDataFolder: () => call<Snapshot | null>('use_existing_data_folder'),
  /** Exports everything into one .zip the user names; what it holds, or null when cancelled. */
  exportAllData: () => call<string | null>('export_all_data'),
  /** Saves the import template where the user chooses; what was saved, or null when cancelled. */
  saveImportTemplate: () => call<string | null>('save_import_template'),
  verifyVault: () => call<VerifyView>('verify_vault'),
  importFile: (skipBadRows: boolean) => call<string>('import_file', { skipBadRows }),
  /** Opens the demo as it was left; `reset` first puts it back as it was shipped (ask the user). */
  openDemo: (reset = false) => call<Snapshot>('open_demo', { reset }),
  closeDemo: () => call<Snapshot>('close_demo'),
  /** `kept`: the 预审 findings listed, with the user's explanations, in the summary's appendix. */
  exportPackage: (maskId: boolean, incompletePage: boolean, kept: KeepFinding[] = []) =>
    call<ExportSummary | null>('export_package', { maskId, incompletePage, kept }),
  exportEvidenceBook: (maskId: boolean) => call<EvidenceBookSummary | null>('export_evidence_book', { maskId }),
  saveSettings: (settings: Settings) => call<Snapshot>('save_settings', { settings }),
  /** Zooms the window one step (or back to 100 %) and keeps it; the new zoom in percent. */
  zoom: (step: ZoomStep) => call<number>('zoom', { step }),
  /** 关于: the version and the licences shown with their texts. */
  about: () => call<About>('about'),
  /** Today's reminders for the plan, as the settings allow. */
  reminders: () => call<Reminder[]>('reminders'),
  /** Saves the dates ahead as a phone calendar file; the number of events, null when the dialog was closed. */
  saveCalendar: () => call<number | null>('save_calendar'),
  /** Whether the app checks the reminders when the user logs in to the computer. */
  loginCheck: () => call<boolean>('login_check'),
  /** Registers (or removes) that check; whether it is registered now. */
  setLoginCheck: (on: boolean) => call<boolean>('set_login_check', { on }),
  exportUploadKit: (maskId: boolean, limitMb: number) => call<UploadKitSummary | null>('export_upload_kit', { maskId, limitMb }),
  cancelExport: () => call<void>('cancel_export'),
  revealExport: () => call<void>('reveal_export'),
  /** Typesets 学时汇总表 alone and opens it in the system's PDF viewer, to print from there. */
  printSummary: (maskId: boolean) => call<void>('print_summary', { maskId }),
}
