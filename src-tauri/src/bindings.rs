//! The TypeScript declarations of every type the web view exchanges with the app, generated from
//! the Rust types into `ui/src/bindings.ts`. The test fails when the committed file is stale;
//! `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings` rewrites it.

use std::path::Path;

use ts_rs::{Config, TS};
use xueshi_core::engine::{
    Assessment, ClauseSource, Completeness, Credit, EvidenceStatus, RecordTotal, RequirementCheck, RequirementSummary,
    Short, Warning, WindowBasis, YearResult, YearState,
};
use xueshi_core::kinds::{ActivityKind, ApplicationPath, Category, CreditCategory, Level};

use crate::dto::{
    ActivityFields, ActivityView, Deadline, EvidenceView, MaterialChoice, PlanDto, Preview, ProfileDto, RuleSummary,
    Selection, Snapshot, ThemeView, VerifyView,
};
use crate::error::AppError;

fn declarations() -> String {
    let cfg = Config::default();
    let decls = [
        ActivityKind::decl(&cfg),
        Level::decl(&cfg),
        ApplicationPath::decl(&cfg),
        Category::decl(&cfg),
        CreditCategory::decl(&cfg),
        xueshi_core::Hours::decl(&cfg),
        Completeness::decl(&cfg),
        RequirementCheck::decl(&cfg),
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
        ProfileDto::decl(&cfg),
        PlanDto::decl(&cfg),
        ActivityFields::decl(&cfg),
        EvidenceView::decl(&cfg),
        ActivityView::decl(&cfg),
        RuleSummary::decl(&cfg),
        Selection::decl(&cfg),
        Deadline::decl(&cfg),
        ThemeView::decl(&cfg),
        MaterialChoice::decl(&cfg),
        Snapshot::decl(&cfg),
        Preview::decl(&cfg),
        VerifyView::decl(&cfg),
        AppError::decl(&cfg),
        crate::dto::ExportSummary::decl(&cfg),
        crate::dto::ExportProgress::decl(&cfg),
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
    out.trim_end().to_owned() + "\n"
}

#[test]
fn the_typescript_bindings_of_the_ui_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
    let fresh = declarations();
    if std::env::var_os("XUESHI_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("bindings written");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/bindings.ts is stale: run `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings`"
    );
}
