//! The TypeScript declarations of every type the web view exchanges with the app, generated from
//! the Rust types into `ui/src/bindings.ts`, with the Chinese labels of every vocabulary the UI shows,
//! the fields of each activity kind (`kind_fields`) and their names (`xueshi_core::field_names`). The test fails when the committed file is stale;
//! `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings` rewrites it.

use std::path::Path;

use ts_rs::{Config, TS};
use xueshi_core::engine::{
    Assessment, ClauseSource, Completeness, Credit, EvidenceStatus, RecordTotal, RequirementSummary, Short, Warning,
    WindowBasis, YearResult, YearState,
};
use xueshi_core::field_names::{AWARD_GRADES, LedgerField, ProfileField, record_fields};
use xueshi_core::kinds::{
    ActivityKind, AidTask, ApplicationPath, BookRole, Category, ContestLevel, CreditCategory, FindingKind, Level,
    Medal, PaperRole, PatentType, Platform, ProjectLevel, ProjectRole, Venue,
};
use xueshi_core::ledger_json::kind_fields;
use xueshi_core::review::Finding;
use xueshi_core::rules::guide::{GuideClause, GuideKind, RuleGuide};

use xueshi_handbook::dto::{
    ActivityFields, ActivityView, Deadline, EvidenceBookSummary, EvidenceView, ExportProgress, ExportSummary,
    MaterialChoice, PlanDto, Preview, ProfileDto, RuleSummary, SavedActivity, Selection, Snapshot, ThemeView,
    UploadKitFile, UploadKitSummary, UploadKitYear, VerifyView, YearCount,
};
use xueshi_handbook::qr::{ListedPlatform, QrLink};
use xueshi_handbook::reminders::{Reminder, ReminderKind};
use xueshi_handbook::scan::ScannedLine;
use xueshi_handbook::scan_folder::{Duplicate, DuplicateKind, FolderProgress, ScannedFile};
use xueshi_handbook::scan_form::{FieldSource, FormQr, ScanForm};
use xueshi_handbook::{About, BackupEntry, Component, ErrorCode, KeepFinding, Settings, ZoomStep};

use crate::commands::FolderReview;
use crate::error::AppError;

fn declarations() -> String {
    let cfg = Config::default();
    let decls = [
        ActivityKind::decl(&cfg),
        Level::decl(&cfg),
        ApplicationPath::decl(&cfg),
        Category::decl(&cfg),
        CreditCategory::decl(&cfg),
        Platform::decl(&cfg),
        AidTask::decl(&cfg),
        ProjectLevel::decl(&cfg),
        ContestLevel::decl(&cfg),
        ProjectRole::decl(&cfg),
        BookRole::decl(&cfg),
        PaperRole::decl(&cfg),
        Venue::decl(&cfg),
        PatentType::decl(&cfg),
        Medal::decl(&cfg),
        LedgerField::decl(&cfg),
        ProfileField::decl(&cfg),
        xueshi_core::Hours::decl(&cfg),
        Completeness::decl(&cfg),
        EvidenceStatus::decl(&cfg),
        ClauseSource::decl(&cfg),
        Credit::decl(&cfg),
        Short::decl(&cfg),
        YearState::decl(&cfg),
        YearResult::decl(&cfg),
        RecordTotal::decl(&cfg),
        Warning::decl(&cfg),
        RequirementSummary::decl(&cfg),
        WindowBasis::decl(&cfg),
        Assessment::decl(&cfg),
        FindingKind::decl(&cfg),
        Finding::decl(&cfg),
        KeepFinding::decl(&cfg),
        GuideClause::decl(&cfg),
        GuideKind::decl(&cfg),
        RuleGuide::decl(&cfg),
        ProfileDto::decl(&cfg),
        PlanDto::decl(&cfg),
        ActivityFields::decl(&cfg),
        EvidenceView::decl(&cfg),
        ActivityView::decl(&cfg),
        RuleSummary::decl(&cfg),
        Selection::decl(&cfg),
        Deadline::decl(&cfg),
        ThemeView::decl(&cfg),
        YearCount::decl(&cfg),
        MaterialChoice::decl(&cfg),
        Snapshot::decl(&cfg),
        SavedActivity::decl(&cfg),
        Preview::decl(&cfg),
        VerifyView::decl(&cfg),
        ErrorCode::decl(&cfg),
        AppError::decl(&cfg),
        ExportSummary::decl(&cfg),
        EvidenceBookSummary::decl(&cfg),
        Settings::decl(&cfg),
        ZoomStep::decl(&cfg),
        Component::decl(&cfg),
        About::decl(&cfg),
        ReminderKind::decl(&cfg),
        Reminder::decl(&cfg),
        ScannedLine::decl(&cfg),
        ListedPlatform::decl(&cfg),
        QrLink::decl(&cfg),
        FormQr::decl(&cfg),
        FieldSource::decl(&cfg),
        ScanForm::decl(&cfg),
        DuplicateKind::decl(&cfg),
        Duplicate::decl(&cfg),
        ScannedFile::decl(&cfg),
        FolderReview::decl(&cfg),
        FolderProgress::decl(&cfg),
        BackupEntry::decl(&cfg),
        UploadKitFile::decl(&cfg),
        UploadKitYear::decl(&cfg),
        UploadKitSummary::decl(&cfg),
        ExportProgress::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `src-tauri/src/bindings.rs`. Do not edit:\n\
         // run `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings` after changing them.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&vocabulary_labels());
    out.push_str("/** The fields of each kind in the ledger format besides the common ones (`kind_fields`). */\n");
    out.push_str("export const KIND_FIELDS: Record<ActivityKind, readonly string[]> = {\n");
    for kind in ActivityKind::ALL {
        let names: Vec<String> = kind_fields(*kind).iter().map(|f| format!("'{f}'")).collect();
        out.push_str(&format!("  {}: [{}],\n", kind.code(), names.join(", ")));
    }
    out.push_str("}\n\n");
    let names: Vec<String> = crate::COMMANDS.iter().map(|c| format!("'{c}'")).collect();
    out.push_str("/** The commands the web view may call (`src-tauri/src/command_list.rs`). */\n");
    out.push_str(&format!("export type Command = {}\n\n", names.join(" | ")));
    out.push_str(&kind_field_labels());
    out
}

/// The Chinese labels of every vocabulary the UI shows, of the fields and of an award's grades.
fn vocabulary_labels() -> String {
    macro_rules! each {
        ($($ty:ident => $name:literal,)+) => {
            [$(labels($name, stringify!($ty), $ty::ALL.iter().map(|v| (v.code(), v.label()))),)+].concat()
        };
    }
    let mut out = each! {
        ActivityKind => "ACTIVITY_KIND_LABELS",
        Level => "LEVEL_LABELS",
        ApplicationPath => "APPLICATION_PATH_LABELS",
        Category => "CATEGORY_LABELS",
        CreditCategory => "CREDIT_CATEGORY_LABELS",
        ProjectLevel => "PROJECT_LEVEL_LABELS",
        ContestLevel => "CONTEST_LEVEL_LABELS",
        ProjectRole => "PROJECT_ROLE_LABELS",
        BookRole => "BOOK_ROLE_LABELS",
        PaperRole => "PAPER_ROLE_LABELS",
        Venue => "VENUE_LABELS",
        PatentType => "PATENT_TYPE_LABELS",
        Medal => "MEDAL_LABELS",
        Platform => "PLATFORM_LABELS",
        AidTask => "AID_TASK_LABELS",
        FindingKind => "FINDING_KIND_LABELS",
        LedgerField => "FIELD_LABELS",
        ProfileField => "PROFILE_FIELD_LABELS",
    };
    let short = CreditCategory::ALL.iter().map(|c| (c.code(), c.short_label()));
    let doc = "The short labels of `CreditCategory`, for a table's narrow column.";
    out.push_str(&documented_labels(doc, "CREDIT_CATEGORY_SHORT_LABELS", "CreditCategory", short));
    out.push_str("/** The grades of an award (`grade`), in the order the form offers them. */\n");
    out.push_str("export const AWARD_GRADE_LABELS: Record<number, string> = {\n");
    for (grade, label) in AWARD_GRADES {
        out.push_str(&format!("  {grade}: '{label}',\n"));
    }
    out.push_str("}\n\n");
    out.push_str("/** The header naming a file pasted into the window (`paste_file`; percent-encoded UTF-8). */\n");
    out.push_str(&format!("export const PASTED_NAME_HEADER = '{}'\n\n", crate::commands::PASTED_NAME_HEADER));
    out
}

/// Each kind's fields as its form names them (`LedgerField::label_for`), in the order it offers them.
fn kind_field_labels() -> String {
    let mut out = String::from(
        "/** The fields a record of each kind may carry, named as its form names them (`record_fields`). */\n",
    );
    out.push_str("export const KIND_FIELD_LABELS: Record<ActivityKind, Partial<Record<LedgerField, string>>> = {\n");
    for kind in ActivityKind::ALL {
        out.push_str(&format!("  {}: {{\n", kind.code()));
        for field in record_fields(*kind) {
            out.push_str(&format!("    {}: '{}',\n", field.code(), field.label_for(*kind)));
        }
        out.push_str("  },\n");
    }
    out.push_str("}\n");
    out
}

/// The main window's capability: the app's commands (from the one list) and listening to events.
fn capability() -> String {
    let mut permissions = vec!["core:event:allow-listen".to_owned(), "core:event:allow-unlisten".to_owned()];
    permissions.extend(crate::COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))));
    let capability = serde_json::json!({
        "$schema": "../gen/schemas/desktop-schema.json",
        "identifier": "main",
        "description": "What the main window may do: the app's own commands (generated from src/command_list.rs by \
                        `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings`) and listening to its events. \
                        No file system, shell or network access from the web view.",
        "windows": ["main"],
        "permissions": permissions,
    });
    format!("{}\n", serde_json::to_string_pretty(&capability).unwrap_or_default())
}

/// Compares a generated file with the committed one, or rewrites it with `XUESHI_UPDATE_BINDINGS`.
fn check_generated(relative: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("XUESHI_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, fresh).expect("generated file written");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{relative} is stale: run `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings`"
    );
}

/// A constant mapping each code of a vocabulary to its Chinese label.
fn labels<'a>(name: &str, ty: &str, entries: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let doc = format!("The Chinese labels of `{ty}`, in the order the forms offer them.");
    documented_labels(&doc, name, ty, entries)
}

/// A constant mapping each code of a vocabulary to a label, under its doc comment.
fn documented_labels<'a>(doc: &str, name: &str, ty: &str, entries: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = format!("/** {doc} */\n");
    out.push_str(&format!("export const {name}: Record<{ty}, string> = {{\n"));
    for (code, label) in entries {
        out.push_str(&format!("  {code}: '{label}',\n"));
    }
    out.push_str("}\n\n");
    out
}

#[test]
fn the_typescript_bindings_of_the_ui_are_up_to_date() {
    check_generated("../ui/src/bindings.ts", &declarations());
}

#[test]
fn the_main_windows_capability_allows_exactly_the_listed_commands() {
    check_generated("capabilities/main.json", &capability());
}
