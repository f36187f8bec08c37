//! The crash test: `xueshi` is killed hard (SIGKILL; `TerminateProcess` on Windows, which is what
//! Task Manager's 结束任务 does) at random moments while it attaches large
//! files, imports a ledger with files or a spreadsheet, adds and edits records. After every kill
//! the database passes `integrity_check`, every record known to be committed is there, each
//! interrupted change is all there or not at all, and every file left behind is either swept by
//! the next open or reported by `verify`.
//!
//! 20 kills by default; `XUESHI_LONG_TESTS=1` makes 220. `XUESHI_CRASH_SEED` replays a run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::command;
use std::time::Duration;

use xueshi_store::{DataDir, Options, Store};

/// A small deterministic generator (xorshift64*), so a failing run can be replayed by its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A file that sniffs as PDF, `mib` MiB long, whose content is unique to `tag`.
fn large_pdf(path: &Path, tag: u64, mib: usize) {
    let mut bytes = format!("%PDF-1.7\n% 材料 {tag}\n").into_bytes();
    let mut x = tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    bytes.reserve(mib << 20);
    while bytes.len() < mib << 20 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bytes.extend_from_slice(&x.to_le_bytes());
    }
    std::fs::write(path, bytes).expect("large file written");
}

/// What one run of the command line was asked to do, to check after the kill.
enum Op {
    Add { id: String },
    Edit { id: String, title: String },
    Attach { id: String, file: PathBuf },
    Sheet { ids_prefix: String, rows: usize },
    Ledger { ids: Vec<String>, files_each: usize },
}

fn options() -> Options {
    Options { daily_backup: false, ..Options::default() }
}

struct Run {
    dir: DataDir,
    scratch: PathBuf,
    rng: Rng,
    /// Records known to be committed (the command said so, or a check saw them).
    committed: BTreeSet<String>,
    /// Titles known to be committed.
    titles: BTreeMap<String, String>,
    next: u64,
    /// How long the program takes to start (tens of milliseconds natively, far more under Wine),
    /// added to every delay so that kills land while it works rather than before it runs.
    startup_ms: u64,
}

impl Run {
    fn xueshi(&self, args: &[String]) -> Command {
        let mut cmd = command();
        cmd.arg("--data-dir").arg(self.dir.root()).args(args);
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        cmd
    }

    fn pick_record(&mut self) -> Option<String> {
        let ids: Vec<&String> = self.committed.iter().filter(|id| id.starts_with("r")).collect();
        (!ids.is_empty()).then(|| ids[self.rng.below(ids.len() as u64) as usize].clone())
    }

    /// Prepares the next operation: its arguments, the longest useful delay before the kill.
    fn prepare(&mut self) -> (Op, Vec<String>, u64) {
        self.next += 1;
        let n = self.next;
        let s = |x: &str| x.to_owned();
        let choice = self.rng.below(10);
        match (choice, self.pick_record()) {
            (0..=2, Some(id)) => {
                let file = self.scratch.join(format!("证书-{n}.pdf"));
                large_pdf(&file, n, 8 + self.rng.below(24) as usize);
                let args = vec![s("attach"), id.clone(), file.display().to_string(), s("--material"), s("结业证书")];
                (Op::Attach { id, file }, args, 400)
            }
            (3..=4, Some(id)) => {
                let title = format!("改过的标题 {n}");
                let args = vec![s("edit"), id.clone(), s("--title"), title.clone()];
                (Op::Edit { id, title }, args, 60)
            }
            (5, _) => {
                let prefix = format!("批次{n}");
                let mut csv = String::from("名称,形式,类别,起止日期,天数\n");
                for row in 0..300 {
                    csv.push_str(&format!("{prefix}第{row}期,培训,公需,2023.5.{},1\n", row % 28 + 1));
                }
                let path = self.scratch.join(format!("表{n}.csv"));
                std::fs::write(&path, csv).expect("csv written");
                let args = vec![s("import"), path.display().to_string()];
                (Op::Sheet { ids_prefix: prefix, rows: 300 }, args, 200)
            }
            (6, _) => {
                let folder = self.scratch.join(format!("导入{n}"));
                std::fs::create_dir_all(folder.join("files")).expect("folder");
                let mut ids = Vec::new();
                let mut activities = Vec::new();
                for k in 0..3 {
                    let id = format!("l{n}-{k}");
                    let mut evidence = Vec::new();
                    for f in 0..2 {
                        let name = format!("files/{id}-{f}.pdf");
                        large_pdf(&folder.join(&name), n * 100 + k * 10 + f, 2);
                        evidence.push(serde_json::json!({"file": name, "material": "结业证书"}));
                    }
                    activities.push(serde_json::json!({"id": id, "kind": "online_course", "title": "网课",
                        "date": "2024-03-01", "category": "public", "hours": 10, "evidence": evidence}));
                    ids.push(id);
                }
                let ledger = serde_json::json!({"format": "xueshi-ledger", "version": 1, "activities": activities});
                std::fs::write(folder.join("ledger.json"), ledger.to_string()).expect("ledger written");
                (Op::Ledger { ids, files_each: 2 }, vec![s("import"), folder.display().to_string()], 300)
            }
            _ => {
                let id = format!("r{n}");
                let args = vec![
                    s("add"),
                    s("--id"),
                    id.clone(),
                    s("--kind"),
                    s("training"),
                    s("--title"),
                    format!("培训 {n}"),
                    s("--date"),
                    s("2024-06-01"),
                    s("--category"),
                    s("professional"),
                    s("--days"),
                    s("2"),
                ];
                (Op::Add { id }, args, 60)
            }
        }
    }

    /// Runs one operation and kills it at a random moment; returns whether it finished first.
    fn run_and_kill(&mut self, args: &[String], max_delay_ms: u64) -> bool {
        let mut child = self.xueshi(args).spawn().expect("xueshi starts");
        std::thread::sleep(Duration::from_millis(self.startup_ms + self.rng.below(max_delay_ms + 1)));
        if let Ok(Some(status)) = child.try_wait() {
            return status.success();
        }
        child.kill().expect("killed");
        let _ = child.wait();
        false
    }

    /// Checks the data folder after a run of `op` that `finished` (exit 0) or was killed.
    fn check(&mut self, op: &Op, finished: bool, round: usize, full_verify: bool) {
        let store = Store::open_with(&self.dir, options()).expect("the store opens after a kill");
        let incoming = self.dir.evidence().join(".incoming");
        let left: Vec<_> =
            std::fs::read_dir(&incoming).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        assert!(left.is_empty(), "round {round}: leftovers not swept: {left:?}");
        let report = if full_verify { store.verify().expect("verify runs") } else { integrity_only(&store) };
        assert!(report.integrity.is_empty() && report.foreign_keys.is_empty(), "round {round}: {report:?}");
        assert!(report.corrupt.is_empty() && report.missing.is_empty(), "round {round}: {report:?}");
        let ledger = store.ledger().expect("ledger reads");
        let present: BTreeMap<&str, &xueshi_core::Activity> =
            ledger.activities.iter().map(|a| (a.id.as_str(), a)).collect();
        match op {
            Op::Add { id } => {
                if finished || present.contains_key(id.as_str()) {
                    assert!(present.contains_key(id.as_str()), "round {round}: added record {id} lost");
                    self.committed.insert(id.clone());
                    self.titles.insert(id.clone(), present[id.as_str()].title.clone());
                }
            }
            Op::Edit { id, title } => {
                let now = &present[id.as_str()].title;
                assert!(now == title || Some(now) == self.titles.get(id), "round {round}: title of {id} is {now}");
                if finished {
                    assert_eq!(now, title, "round {round}: committed edit lost");
                }
                self.titles.insert(id.clone(), now.clone());
            }
            Op::Attach { id, file } => {
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let attached = present[id.as_str()].evidence.iter().any(|e| e.file == name);
                assert!(attached || !finished, "round {round}: committed attach lost");
            }
            Op::Sheet { ids_prefix, rows } => {
                let n = ledger.activities.iter().filter(|a| a.title.starts_with(ids_prefix.as_str())).count();
                assert!(n == 0 || n == *rows, "round {round}: spreadsheet half imported ({n} of {rows})");
                assert!(n == *rows || !finished, "round {round}: committed import lost");
            }
            Op::Ledger { ids, files_each } => {
                let n = ids.iter().filter(|id| present.contains_key(id.as_str())).count();
                assert!(n == 0 || n == ids.len(), "round {round}: ledger half imported");
                assert!(n == ids.len() || !finished, "round {round}: committed import lost");
                for id in ids.iter().filter(|id| present.contains_key(id.as_str())) {
                    assert_eq!(present[id.as_str()].evidence.len(), *files_each, "round {round}: {id} lost files");
                    self.committed.insert(id.clone());
                }
            }
        }
        for id in &self.committed {
            assert!(present.contains_key(id.as_str()), "round {round}: committed record {id} is gone");
        }
        let partial = std::fs::read_dir(self.dir.backups())
            .map(|d| d.flatten().any(|e| e.file_name().to_string_lossy().ends_with(".partial")));
        assert!(!partial.unwrap_or(false), "round {round}: a half backup was left");
    }
}

/// The database checks only (hashing every vault file each round would make the test quadratic).
fn integrity_only(store: &Store) -> xueshi_store::VerifyReport {
    let mut report = xueshi_store::VerifyReport::default();
    let conn = store.connection();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("integrity check runs");
    if check != "ok" {
        report.integrity.push(check);
    }
    let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).expect("fk");
    if broken > 0 {
        report.foreign_keys.push(format!("{broken} broken references"));
    }
    report
}

#[test]
fn killing_xueshi_at_random_moments_never_loses_committed_records_or_leaves_unswept_files() {
    let long = std::env::var("XUESHI_LONG_TESTS").is_ok_and(|v| v == "1");
    let rounds = if long { 220 } else { 20 };
    let seed = std::env::var("XUESHI_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EED_2026_u64);
    eprintln!("crash test: {rounds} kills, seed {seed} (XUESHI_CRASH_SEED={seed} replays it)");
    let tmp = tempfile::tempdir().expect("tmp");
    let scratch = tmp.path().join("scratch");
    std::fs::create_dir_all(&scratch).expect("scratch");
    let mut run = Run {
        dir: DataDir::new(tmp.path().join("数据")),
        scratch,
        rng: Rng(seed | 1),
        committed: BTreeSet::new(),
        titles: BTreeMap::new(),
        next: 0,
        startup_ms: 0,
    };
    let started = std::time::Instant::now();
    assert!(run.xueshi(&["init".to_owned()]).status().expect("init runs").success());
    run.startup_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(0) / 2;
    let mut kills = 0;
    let mut round = 0;
    while kills < rounds {
        round += 1;
        let (op, args, max_delay) = run.prepare();
        let finished = run.run_and_kill(&args, max_delay);
        if finished {
            // The start-up allowance was measured once, perhaps while the machine was busier:
            // when the program keeps finishing first, start the kills earlier.
            run.startup_ms = run.startup_ms * 4 / 5;
        } else {
            kills += 1;
        }
        run.check(&op, finished, round, round % 10 == 0);
        for entry in std::fs::read_dir(&run.scratch).expect("scratch").flatten() {
            if entry.path().is_file() {
                let _ = std::fs::remove_file(entry.path());
            } else {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
        assert!(round < rounds * 20, "too few kills landed: {kills} in {round} rounds");
    }
    let store = Store::open_with(&run.dir, options()).expect("opens");
    let report = store.verify().expect("verify runs");
    assert!(report.integrity.is_empty() && report.corrupt.is_empty() && report.missing.is_empty(), "{report:?}");
    eprintln!(
        "crash test: {kills} kills in {round} rounds, {} records committed (start-up allowance {} ms)",
        run.committed.len(),
        run.startup_ms
    );
}
